import {
  BadRequestException, CallHandler, ExecutionContext, HttpException, HttpStatus, Injectable, mixin, NestInterceptor, PayloadTooLargeException, Type,
} from '@nestjs/common';
import { FileInterceptor, FilesInterceptor } from '@nestjs/platform-express';
import { Request } from 'express';
import { Observable } from 'rxjs';

const MB = 1024 * 1024;

/**
 * What one import request may upload. The files are held in memory while they are checked
 * and decided, and a file of nothing but bad rows costs up to 60 times its size (a 31 MB
 * reviews table of 906,025 children missing from the header peaked at 2.0 GB), so the limits
 * are set from what a council sends: a large authority's SSDA903 tables for a year are a few
 * MB, its CIN census (one file) some 10-15 MB. Bigger sets (a decade in one folder) go
 * through `iro import`, which has no such limit.
 */
export const UPLOAD_LIMITS = {
  /** one file */
  fileBytes: 20 * MB,
  /** the whole request, all files and fields together (from its Content-Length) */
  totalBytes: 32 * MB,
  /** files in one request: an SSDA903 return has about a dozen tables */
  files: 20,
} as const;

const inMb = (bytes: number): number => Math.round(bytes / MB);

/** The multer limits: per file, the number of files, and small form fields. */
export const MULTER_LIMITS = {
  limits: { fileSize: UPLOAD_LIMITS.fileBytes, files: UPLOAD_LIMITS.files, fields: 20, fieldSize: 1024, parts: 60 },
};

export const UPLOAD_LIMITS_TEXT =
  `at most ${inMb(UPLOAD_LIMITS.fileBytes)} MB per file, ${inMb(UPLOAD_LIMITS.totalBytes)} MB in all and ${UPLOAD_LIMITS.files} files`;

/**
 * The multipart reader of an import (multer, memory storage) behind a check of the declared
 * length: an upload over the total (413) or declaring none (411) is refused before any of it
 * is read, and multer's refusals (a file too large, too many files) name the limits. It runs
 * after the guards, so only an admin's upload is read at all.
 */
export function ImportUpload(field: string, maxCount: number): Type<NestInterceptor> {
  const Reader = maxCount === 1 ? FileInterceptor(field, MULTER_LIMITS) : FilesInterceptor(field, maxCount, MULTER_LIMITS);

  @Injectable()
  class ImportUploadInterceptor implements NestInterceptor {
    private readonly reader = new Reader();

    async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
      refuseOversizedUpload(context.switchToHttp().getRequest<Request>());
      try {
        return await this.reader.intercept(context, next);
      } catch (error) {
        throw explained(error, field);
      }
    }
  }
  return mixin(ImportUploadInterceptor);
}

function refuseOversizedUpload(request: Request): void {
  const declared = request.header('content-length');
  if (declared === undefined || !/^\d{1,15}$/.test(declared)) {
    throw new HttpException(
      { statusCode: HttpStatus.LENGTH_REQUIRED, error: 'Length Required', message: `An upload must send its Content-Length (${UPLOAD_LIMITS_TEXT}).` },
      HttpStatus.LENGTH_REQUIRED,
    );
  }
  if (Number(declared) > UPLOAD_LIMITS.totalBytes) {
    throw new PayloadTooLargeException(`The upload is too large: ${UPLOAD_LIMITS_TEXT}.`);
  }
}

function explained(error: unknown, field: string): unknown {
  if (error instanceof PayloadTooLargeException) return new PayloadTooLargeException(`${error.message}: ${UPLOAD_LIMITS_TEXT}.`);
  if (error instanceof BadRequestException && /^(Unexpected (file )?field|Too many)/.test(error.message)) {
    return new BadRequestException(`${error.message}: attach the file(s) as multipart field "${field}", ${UPLOAD_LIMITS_TEXT}.`);
  }
  return error;
}
