import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { FileSummary } from '../../../libs/interchange/report/import-report';
import { ImportIssue } from '../../../libs/interchange/report/import-issue';
import { ImportAnswer, ISSUES_LISTED } from './import-answer';

export class ImportFileResponse implements FileSummary {
  @ApiProperty() file!: string;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'the table or document recognised; null when the file is not one' })
  recognisedAs!: string | null;
  @ApiProperty() imported!: boolean;
  @ApiProperty() rows!: number;
  @ApiPropertyOptional() note?: string;
}

export class ImportChildrenResponse {
  @ApiProperty() total!: number;
  @ApiProperty({ description: 'children with new events' }) imported!: number;
  @ApiProperty() unchanged!: number;
  @ApiProperty({ type: [String], description: `the children skipped or refused (the first ${ISSUES_LISTED})` }) skipped!: string[];
  @ApiProperty({ description: 'how many children were skipped in all' }) skippedCount!: number;
}

export class ImportEventsResponse {
  @ApiProperty({ description: 'appended, or in a dry run to append' }) appended!: number;
  @ApiProperty({ description: 'of which voids' }) voided!: number;
}

export class ImportIssueResponse implements ImportIssue {
  @ApiProperty() file!: string;
  @ApiProperty({ description: 'the line in a CSV file (the header is line 1); the line of the <Child> element in a CIN census' }) row!: number;
  @ApiProperty() column!: string;
  @ApiProperty() value!: string;
  @ApiProperty({ description: 'a DfE rule as dfe-<n>, or a stable kebab-case id' }) rule!: string;
  @ApiProperty() message!: string;
  @ApiPropertyOptional({ description: 'absent for a problem with the file itself' }) childId?: string;
}

/** The validation report an import answers with (200 imported, 422 refused). */
export class ImportAnswerResponse implements ImportAnswer {
  @ApiProperty({ enum: ['ssda903', 'cin', 'history'] }) source!: 'ssda903' | 'cin' | 'history';
  @ApiProperty({ type: [Number], description: 'the collection years of the files read (2019 for 2019-20), oldest first' }) collectionYears!: number[];
  @ApiProperty() dryRun!: boolean;
  @ApiProperty() skipInvalidChildren!: boolean;
  @ApiProperty({ description: 'true when events were (or, in a dry run, would be) appended' }) accepted!: boolean;
  @ApiProperty({ type: [ImportFileResponse] }) files!: ImportFileResponse[];
  @ApiProperty() rows!: number;
  @ApiProperty({ type: ImportChildrenResponse }) children!: ImportChildrenResponse;
  @ApiProperty({ type: ImportEventsResponse }) events!: ImportEventsResponse;
  @ApiProperty({ type: [ImportIssueResponse], description: `the first ${ISSUES_LISTED} issues` }) issues!: ImportIssueResponse[];
  @ApiProperty({ description: 'how many issues the import found in all' }) issueCount!: number;
  @ApiProperty({ type: [String] }) warnings!: string[];
  @ApiPropertyOptional({ description: 'when issues or skipped children were left out: how many, and how to get every one' }) issuesNote?: string;
}
