import { badRequest, FieldError } from '../../../libs/nest/http/field-errors';

/** The multipart form fields beside the files, as text. */
export interface ImportFormFields {
  year?: string;
  dryRun?: string;
  skipInvalidChildren?: string;
}

const FIELDS = ['year', 'dryRun', 'skipInvalidChildren'] as const;

export interface ImportRequest {
  year?: number;
  dryRun: boolean;
  skipInvalidChildren: boolean;
}

const flag = (name: string, value: string | undefined, errors: FieldError[]): boolean => {
  if (value === undefined || value === '' || value === 'false') return false;
  if (value === 'true') return true;
  errors.push({ field: name, messages: [`${name} must be true or false`] });
  return false;
};

/**
 * The form fields as given (multer's body: a field given twice is a list, `a[b]` an object),
 * each known field once and as text; every other name, those named like inherited
 * properties (`__proto__`, `constructor`) included, is an error.
 */
function formOf(fields: unknown, errors: FieldError[]): ImportFormFields {
  const form: ImportFormFields = {};
  if (fields === null || typeof fields !== 'object') return form;
  for (const name of Object.keys(fields).sort()) {
    const value = (fields as Record<string, unknown>)[name];
    const known = (FIELDS as readonly string[]).find((field) => field === name) as (typeof FIELDS)[number] | undefined;
    if (known === undefined) {
      errors.push({ field: name, messages: [`${name} is not a field of this request (${FIELDS.join(', ')})`] });
    } else if (typeof value !== 'string') {
      errors.push({ field: name, messages: [`${name} may be given once, as text`] });
    } else {
      form[known] = value;
    }
  }
  return form;
}

/** Reads the form fields and checks that files came; a 400 listing every bad field otherwise. */
export function importRequestOf(fields: unknown, fileCount: number, fileField: string): ImportRequest {
  const errors: FieldError[] = [];
  const form = formOf(fields, errors);
  let year: number | undefined;
  if (form.year !== undefined && form.year !== '') {
    year = /^\d{4}$/.test(form.year) ? Number(form.year) : undefined;
    if (year === undefined) errors.push({ field: 'year', messages: ['year must be a collection year such as 2019 (for 2019-20)'] });
  }
  const dryRun = flag('dryRun', form.dryRun, errors);
  const skipInvalidChildren = flag('skipInvalidChildren', form.skipInvalidChildren, errors);
  if (fileCount === 0) errors.push({ field: fileField, messages: [`attach the file(s) as multipart field "${fileField}"`] });
  if (errors.length > 0) throw badRequest(errors);
  return { ...(year !== undefined && { year }), dryRun, skipInvalidChildren };
}
