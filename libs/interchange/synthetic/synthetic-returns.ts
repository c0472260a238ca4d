import { writeCsvTable } from '../csv/csv-table';
import { collectionYear } from '../ssda903/collection-year';
import { formatDfeDate } from '../ssda903/dfe-date';
import { SSDA903_TABLES } from '../ssda903/ssda903-tables';
import { SyntheticChild } from './synthetic-history';

/** The SSDA903 return for a collection year, as the DfE CSV files (name -> text), from a synthetic history. */
export function syntheticSsda903Return(children: readonly SyntheticChild[], year: number): Record<string, string> {
  const { start, end } = collectionYear(year);
  const header: string[][] = [];
  const episodes: string[][] = [];
  const reviews: string[][] = [];
  for (const child of children) {
    const open = child.episodes.filter((episode) => episode.decom <= end && (episode.dec === null || episode.dec >= start));
    const held = child.reviews.filter((review) => review.heldOn >= start && review.heldOn <= end);
    if (open.length === 0 && held.length === 0) continue;
    const dob = formatDfeDate(child.dateOfBirth);
    header.push([child.childId, child.sexCode, dob, child.ethnicity, '', '', '']);
    for (const episode of open) {
      const ended = episode.dec !== null && episode.dec <= end;
      episodes.push([
        child.childId, formatDfeDate(episode.decom), episode.rne, episode.ls, episode.cin, episode.place, episode.placeProvider,
        ended ? formatDfeDate(episode.dec!) : '', ended ? episode.rec ?? '' : '', ended ? episode.reasonPlaceChange ?? '' : '',
        episode.homePost, episode.plPost, episode.urn,
      ]);
    }
    for (const review of held) reviews.push([child.childId, dob, formatDfeDate(review.heldOn), review.participation]);
  }
  return {
    'header.csv': writeCsvTable(SSDA903_TABLES.header, header),
    'episodes.csv': writeCsvTable(SSDA903_TABLES.episodes, episodes),
    'reviews.csv': writeCsvTable(SSDA903_TABLES.reviews, reviews),
  };
}

/** The CIN census XML for a collection year (the census at 31 March of the next year), from a synthetic history. */
export function syntheticCinCensus(children: readonly SyntheticChild[], year: number): string {
  const { start, end } = collectionYear(year);
  const inYear = (date: string): boolean => date >= start && date <= end;
  const parts: string[] = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<Message>',
    `  <Header><CollectionDetails><Collection>CIN</Collection><Year>${year + 1}</Year><ReferenceDate>${end}</ReferenceDate></CollectionDetails></Header>`,
    '  <Children>',
  ];
  for (const child of children) {
    const plans = child.plans.filter((plan) => plan.startDate <= end && (plan.endDate === null || plan.endDate >= start));
    const conferences = child.conferencesWithoutPlan.filter((conference) => inYear(conference.heldOn));
    if (plans.length === 0 && conferences.length === 0) continue;
    parts.push('    <Child>');
    parts.push(
      `      <ChildIdentifiers><LAchildID>${child.childId}</LAchildID><PersonBirthDate>${child.dateOfBirth}</PersonBirthDate>` +
        `<GenderCurrent>${child.sexCode}</GenderCurrent></ChildIdentifiers>`,
    );
    parts.push(`      <ChildCharacteristics><Ethnicity>${child.ethnicity}</Ethnicity></ChildCharacteristics>`);
    for (const conference of conferences) {
      parts.push(
        `      <CINdetails><CINreferralDate>${conference.section47StartDate}</CINreferralDate><Section47>` +
          `<S47ActualStartDate>${conference.section47StartDate}</S47ActualStartDate><DateOfInitialCPC>${conference.heldOn}</DateOfInitialCPC>` +
          '<ICPCnotRequired>false</ICPCnotRequired></Section47></CINdetails>',
      );
    }
    for (const plan of plans) {
      const section47 = inYear(plan.startDate)
        ? `<Section47><S47ActualStartDate>${plan.section47StartDate}</S47ActualStartDate><DateOfInitialCPC>${plan.startDate}</DateOfInitialCPC><ICPCnotRequired>false</ICPCnotRequired></Section47>`
        : '';
      const ended = plan.endDate !== null && plan.endDate <= end;
      const reviews = plan.reviewDates.filter(inYear).map((date) => `<CPPreviewDate>${date}</CPPreviewDate>`).join('');
      parts.push(
        `      <CINdetails><CINreferralDate>${plan.section47StartDate}</CINreferralDate>${section47}<ChildProtectionPlans>` +
          `<CPPstartDate>${plan.startDate}</CPPstartDate>${ended ? `<CPPendDate>${plan.endDate}</CPPendDate>` : ''}` +
          `<InitialCategoryOfAbuse>${plan.category}</InitialCategoryOfAbuse><LatestCategoryOfAbuse>${plan.category}</LatestCategoryOfAbuse>` +
          `<NumberOfPreviousCPP>${plan.previousPlans}</NumberOfPreviousCPP>${reviews ? `<Reviews>${reviews}</Reviews>` : ''}` +
          '</ChildProtectionPlans></CINdetails>',
      );
    }
    parts.push('    </Child>');
  }
  parts.push('  </Children>', '</Message>', '');
  return parts.join('\n');
}
