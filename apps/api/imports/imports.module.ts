import { Module } from '@nestjs/common';
import { ImportsController } from './imports.controller';

/**
 * ADMIN ONLY. Bulk imports of a council's history: POST /imports/ssda903 (an SSDA903 return's
 * CSV files) and POST /imports/cin (a CIN census XML file), multipart, answering with the
 * validation report. Uses EVENT_STORE, CLOCK and LOCAL_AUTHORITY_CONFIG.
 */
@Module({ controllers: [ImportsController] })
export class ImportsModule {}
