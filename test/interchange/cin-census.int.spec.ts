import { importCinCensus } from '../../libs/interchange/cin/import-cin-census';
import { StoredOversightEvent } from '../../src/events/envelope';
import { config, liveOf, streamOf, temporaryStore, TestStore, TODAY } from './import-test-store';

const census = (referenceDate: string, children: string) => ({
  name: `cin-${referenceDate.slice(0, 4)}.xml`,
  content: Buffer.from(`<?xml version="1.0" encoding="utf-8"?>
<Message>
  <Header><CollectionDetails><Collection>CIN</Collection><ReferenceDate>${referenceDate}</ReferenceDate></CollectionDetails></Header>
  <Children>${children}
  </Children>
</Message>`),
});

/** K1: a plan from November 2018 to June 2019 (two census years), then a second plan (a repeat). U1: unborn. */
const census2018 = census('2019-03-31', `
    <Child>
      <ChildIdentifiers><LAchildID>K1</LAchildID><PersonBirthDate>2012-05-05</PersonBirthDate><GenderCurrent>2</GenderCurrent></ChildIdentifiers>
      <ChildCharacteristics><Ethnicity>WBRI</Ethnicity></ChildCharacteristics>
      <CINdetails>
        <CINreferralDate>2018-10-20</CINreferralDate>
        <Section47><S47ActualStartDate>2018-11-01</S47ActualStartDate><DateOfInitialCPC>2018-11-20</DateOfInitialCPC><ICPCnotRequired>false</ICPCnotRequired></Section47>
        <ChildProtectionPlans>
          <CPPstartDate>2018-11-20</CPPstartDate>
          <InitialCategoryOfAbuse>NEG</InitialCategoryOfAbuse><LatestCategoryOfAbuse>NEG</LatestCategoryOfAbuse>
          <NumberOfPreviousCPP>0</NumberOfPreviousCPP>
          <Reviews><CPPreviewDate>2019-02-18</CPPreviewDate></Reviews>
        </ChildProtectionPlans>
      </CINdetails>
    </Child>
    <Child>
      <ChildIdentifiers><LAchildID>U1</LAchildID><ExpectedPersonBirthDate>2019-05-30</ExpectedPersonBirthDate><GenderCurrent>0</GenderCurrent></ChildIdentifiers>
      <CINdetails>
        <Section47><S47ActualStartDate>2019-02-25</S47ActualStartDate><DateOfInitialCPC>2019-03-11</DateOfInitialCPC></Section47>
        <ChildProtectionPlans>
          <CPPstartDate>2019-03-11</CPPstartDate>
          <InitialCategoryOfAbuse>EMO</InitialCategoryOfAbuse><LatestCategoryOfAbuse>EMO</LatestCategoryOfAbuse>
          <NumberOfPreviousCPP>0</NumberOfPreviousCPP>
        </ChildProtectionPlans>
      </CINdetails>
    </Child>`);
/** 2019-20: K1's first plan again (no S47 this year), ended at a review; a new S47 and plan 2, a repeat. */
const census2019 = census('2020-03-31', `
    <Child>
      <ChildIdentifiers><LAchildID>K1</LAchildID><PersonBirthDate>2012-05-05</PersonBirthDate><GenderCurrent>2</GenderCurrent></ChildIdentifiers>
      <ChildCharacteristics><Ethnicity>WBRI</Ethnicity></ChildCharacteristics>
      <CINdetails>
        <ChildProtectionPlans>
          <CPPstartDate>2018-11-20</CPPstartDate><CPPendDate>2019-06-14</CPPendDate>
          <InitialCategoryOfAbuse>NEG</InitialCategoryOfAbuse><LatestCategoryOfAbuse>NEG</LatestCategoryOfAbuse>
          <NumberOfPreviousCPP>0</NumberOfPreviousCPP>
          <Reviews><CPPreviewDate>2019-06-14</CPPreviewDate></Reviews>
        </ChildProtectionPlans>
      </CINdetails>
      <CINdetails>
        <Section47><S47ActualStartDate>2019-12-02</S47ActualStartDate><DateOfInitialCPC>2019-12-23</DateOfInitialCPC></Section47>
        <ChildProtectionPlans>
          <CPPstartDate>2019-12-23</CPPstartDate>
          <InitialCategoryOfAbuse>PHY</InitialCategoryOfAbuse><LatestCategoryOfAbuse>PHY</LatestCategoryOfAbuse>
          <NumberOfPreviousCPP>1</NumberOfPreviousCPP>
        </ChildProtectionPlans>
      </CINdetails>
    </Child>`);

const conferences = (events: StoredOversightEvent[]) =>
  events.filter((event) => event.type === 'CPConferenceHeld').map((event) => {
    const d = event.data as unknown as Record<string, unknown>;
    return [d.type, d.heldOn, d.outcome, d.strategyDiscussionOn, d.categoryOfAbuse, d.previousPlanCount, d.planId, d.heldInTime];
  });

describe('CIN census child protection plans into events', () => {
  let test: TestStore;
  beforeEach(() => {
    test = temporaryStore();
  });
  afterEach(() => test.close());

  it('records a plan spanning two census years once, with its conferences and its ending at a review', async () => {
    expect((await importCinCensus(census2018, { store: test.store, config, today: TODAY })).issues).toEqual([]);
    const report = await importCinCensus(census2019, { store: test.store, config, today: TODAY });
    expect(report).toMatchObject({ accepted: true, collectionYears: [2019], issues: [], events: { voided: 0 } });

    const events = await streamOf(test.store, 'K1');
    expect(events.some((event) => event.type === 'RecordVoided')).toBe(false);
    expect(conferences(events)).toEqual([
      ['initial', '2018-11-20', 'plan-started', '2018-11-01', 'NEG', 0, 'K1:2018-11-20', true],
      ['review', '2019-02-18', 'plan-continued', undefined, undefined, undefined, 'K1:2018-11-20', true],
      ['review', '2019-06-14', 'plan-ended', undefined, undefined, undefined, 'K1:2018-11-20', true],
      ['initial', '2019-12-23', 'plan-started', '2019-12-02', 'PHY', 1, 'K1:2019-12-23', true],
    ]);
    expect(events.filter((event) => event.type === 'ChildProtectionPlanEnded')).toEqual([]);
    expect(events[0].metadata).toMatchObject({ importedFrom: 'cin', source: 'cin:2018:cin-2019.xml:5', actor: { userId: 'import', role: 'admin' } });

    const again = [await importCinCensus(census2018, { store: test.store, config, today: TODAY }), await importCinCensus(census2019, { store: test.store, config, today: TODAY })];
    expect(again.map((one) => one.events.appended)).toEqual([0, 0]);
  });

  it('ends a plan by a plan-ended record when no review conference is held on its end date', async () => {
    await importCinCensus(census2018, { store: test.store, config, today: TODAY });
    const noReviewOnEnd = census('2020-03-31', census2019.content.toString().split('<Children>')[1].split('</Children>')[0]
      .replace('<Reviews><CPPreviewDate>2019-06-14</CPPreviewDate></Reviews>', '<Reviews><CPPreviewDate>2019-05-17</CPPreviewDate></Reviews>'));
    const report = await importCinCensus(noReviewOnEnd, { store: test.store, config, today: TODAY });
    expect(report.issues).toEqual([]);
    const live = liveOf(await streamOf(test.store, 'K1'));
    expect(live.filter((event) => event.type === 'ChildProtectionPlanEnded').map((event) => event.data))
      .toEqual([{ childId: 'K1', planId: 'K1:2018-11-20', endDate: '2019-06-14', effectiveDate: '2019-06-14' }]);
    expect(conferences(live).map((conference) => [conference[1], conference[2]])).toEqual([
      ['2018-11-20', 'plan-started'], ['2019-02-18', 'plan-continued'], ['2019-05-17', 'plan-continued'], ['2019-12-23', 'plan-started'],
    ]);
  });

  it('registers an unborn child with its expected date of birth and records its pre-birth conference and plan', async () => {
    await importCinCensus(census2018, { store: test.store, config, today: TODAY });
    const events = await streamOf(test.store, 'U1');
    expect(events[0]).toMatchObject({ type: 'ChildRegistered', data: { childId: 'U1', expectedDateOfBirth: '2019-05-30', sex: 'unknown' } });
    expect(events[0].data).not.toHaveProperty('dateOfBirth');
    expect(conferences(events)).toEqual([['initial', '2019-03-11', 'plan-started', '2019-02-25', 'EMO', 0, 'U1:2019-03-11', true]]);
  });

  it('takes an unborn child whose expected date of birth is still ahead, as the API does', async () => {
    const report = await importCinCensus(census2018, { store: test.store, config, today: '2019-04-15' });
    expect(report.issues).toEqual([]);
    expect((await streamOf(test.store, 'U1'))[0]).toMatchObject({ type: 'ChildRegistered', data: { expectedDateOfBirth: '2019-05-30' } });
  });

  it('refuses a census with a broken plan, naming the child and element, and appends nothing', async () => {
    const broken = census('2020-03-31', census2019.content.toString().split('<Children>')[1].split('</Children>')[0]
      .replace('<CPPendDate>2019-06-14</CPPendDate>', '<CPPendDate>2018-10-01</CPPendDate>'));
    const report = await importCinCensus(broken, { store: test.store, config, today: TODAY });
    expect(report.accepted).toBe(false);
    expect(report.issues.map((issue) => [issue.file, issue.row, issue.rule, issue.childId])).toEqual([
      ['cin-2020.xml', 5, 'cin-8925', 'K1'],
      ['cin-2020.xml', 5, 'cin-8930', 'K1'],
      ['cin-2020.xml', 5, 'review-after-plan-end', 'K1'],
    ]);
    expect(await test.store.headPosition()).toBe(0);
  });

  it('refuses a review conference after the census year, naming the child and element, and appends nothing', async () => {
    const late = census('2020-03-31', census2019.content.toString().split('<Children>')[1].split('</Children>')[0]
      .replace('<NumberOfPreviousCPP>1</NumberOfPreviousCPP>', '<NumberOfPreviousCPP>1</NumberOfPreviousCPP><Reviews><CPPreviewDate>2020-04-02</CPPreviewDate></Reviews>'));
    const report = await importCinCensus(late, { store: test.store, config, today: '2020-06-01' });
    expect(report.accepted).toBe(false);
    expect(report.issues.map((issue) => [issue.rule, issue.column, issue.value, issue.childId])).toEqual([
      ['outside-collection-year', 'ChildProtectionPlans[CPPstartDate=2019-12-23]/Reviews/CPPreviewDate', '2020-04-02', 'K1'],
    ]);
    expect(await test.store.headPosition()).toBe(0);
  });

  it('refuses a census without a ReferenceDate unless the year is named, and never takes it as this year', async () => {
    const children = census2019.content.toString().split('<Children>')[1].split('</Children>')[0];
    const undated = { name: 'cin-undated.xml', content: Buffer.from(census('2020-03-31', children).content.toString().replace('<ReferenceDate>2020-03-31</ReferenceDate>', '')) };
    const refused = await importCinCensus(undated, { store: test.store, config, today: TODAY });
    expect(refused.accepted).toBe(false);
    expect(refused.issues.map((issue) => [issue.rule, issue.column])).toEqual([['reference-date-missing', 'Header/CollectionDetails/ReferenceDate']]);
    expect(await test.store.headPosition()).toBe(0);
    const named = await importCinCensus(undated, { store: test.store, config, today: TODAY, year: 2019 });
    expect(named.issues).toEqual([]);
  });

  it('refuses a Message with neither a Header nor Children as not a census', async () => {
    const empty = { name: 'empty.xml', content: Buffer.from('<?xml version="1.0"?><Message></Message>') };
    const report = await importCinCensus(empty, { store: test.store, config, today: TODAY, year: 2019 });
    expect(report.accepted).toBe(false);
    expect(report.issues.map((issue) => issue.rule)).toEqual(['not-a-cin-census']);
  });
});
