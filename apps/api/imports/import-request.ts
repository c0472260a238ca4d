import { badRequest, FieldError } from '../../../libs/nest/http/field-errors';

/** The multipart form fields beside the files, as text. */
export interface ImportFormFields {
  year?: string;
  dryRun?: string;
  skipInvalidChildren?: string;
}

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

/** Reads the form fields and checks that files came; a 400 listing every bad field otherwise. */
export function importRequestOf(fields: ImportFormFields | undefined, fileCount: number, fileField: string): ImportRequest {
  const errors: FieldError[] = [];
  const form = fields ?? {};
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
