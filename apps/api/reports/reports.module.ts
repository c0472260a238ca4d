import { Module } from '@nestjs/common';
import { AnnualReportService } from './annual-report.service';
import { ReportsController } from './reports.controller';

/**
 * The annual IRO report: GET /reports/iro-annual/:year (json, csv, md, html), its changes
 * between two as-of instants, and the trace of each figure. Uses EVENT_STORE, CLOCK and
 * LOCAL_AUTHORITY_CONFIG, and READ_STORE when the app provides one (the read model).
 */
@Module({ controllers: [ReportsController], providers: [AnnualReportService], exports: [AnnualReportService] })
export class ReportsModule {}
