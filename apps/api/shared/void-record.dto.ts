import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import { IsFreeText } from './text-fields';

/** Voids a record entered wrongly (in a child's or a challenge's stream); it stops counting anywhere. */
export class VoidRecordDto {
  @ApiProperty({ minLength: 1, maxLength: 200, description: 'the id of the event to void (from the command\'s eventIds or the history)' })
  @IsString()
  @Length(1, 200)
  eventId!: string;

  @ApiProperty({ example: 'Entered against the wrong child.' })
  @IsFreeText()
  reason!: string;
}
