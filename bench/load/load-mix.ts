import { Request } from 'autocannon';
import { addDays } from '../../src/calendar/calendar-date';

/**
 * The mixed load: 70% commands spread over many children, 30% reads, each sent by the
 * user the access table allows (the child's IRO, an admin, a manager), so every request
 * is one the service should accept. Weights are percentages of all requests.
 */
export interface LoadPopulation {
  children: number;
  iros: number;
  admins: number;
  managers: number;
  /** challenges raised while seeding, each escalated once during the run */
  seededChallenges: number;
  /** the day the commands are dated (the server's today) */
  today: string;
  /** `Bearer ...` for a user id */
  authorization(userId: string, role: string): string;
}

export const childIdOf = (index: number): string => `LC-${index}`;
export const iroOf = (childIndex: number, iros: number): string => `iro-${childIndex % iros}`;
export const seededChallengeIdOf = (index: number): string => `LS-${index}`;

interface Operation {
  name: string;
  weight: number;
  command: boolean;
  /** a list query (clinic candidates, open challenges): its share can be moved to reads by id */
  list?: true;
  build(mix: LoadMix): Request;
}

const json = (value: object): string => JSON.stringify(value);
/** reviews are dated from this many days before today, a day later for each round of the children (care started 2019-04-01) */
const REVIEW_DAYS_BACK = 1000;
const PLACEMENTS = ['U1', 'U3', 'U4', 'U5', 'U6'] as const;

const RAISE = 'raise a challenge (IRO)';
const READ_CASE = "read a child's case (IRO)";

const OPERATIONS: Operation[] = [
  {
    name: 'record a review (IRO)', weight: 30, command: true,
    build: (mix) => {
      const { child, heldOn } = mix.nextReview();
      const iro = iroOf(child, mix.population.iros);
      return mix.post(`/children/${childIdOf(child)}/reviews`, iro, 'iro', {
        heldOn, chairIroId: iro, participation: 'PN1', iroVisitedBeforeReview: true,
      });
    },
  },
  {
    name: 'change a placement (admin)', weight: 15, command: true,
    build: (mix) =>
      mix.post(`/children/${childIdOf(mix.randomChild())}/placements`, mix.randomUser('admin', mix.population.admins), 'admin', {
        effectiveDate: mix.population.today, placementType: PLACEMENTS[mix.random(PLACEMENTS.length)], placedOutsideLocalAuthority: mix.random(2) === 0,
      }),
  },
  {
    name: 'change a legal status (admin)', weight: 5, command: true,
    build: (mix) =>
      mix.post(`/children/${childIdOf(mix.randomChild())}/legal-statuses`, mix.randomUser('admin', mix.population.admins), 'admin', {
        effectiveDate: mix.population.today, legalStatus: mix.random(2) === 0 ? 'C1' : 'C2',
      }),
  },
  {
    name: RAISE, weight: 10, command: true,
    build: (mix) => {
      const child = mix.randomChild();
      const iro = iroOf(child, mix.population.iros);
      return mix.post('/challenges', iro, 'iro', {
        challengeId: `LR-${mix.next()}`, childIds: [childIdOf(child)], raisedOn: mix.population.today, raisedBy: iro,
        category: 'drift-and-delay', summary: 'Care plan not progressing.',
      });
    },
  },
  {
    name: 'escalate a challenge (IRO)', weight: 10, command: true,
    build: (mix) => {
      const index = mix.nextSeededChallenge();
      if (index === null) return operationNamed(RAISE).build(mix);
      return mix.post(`/challenges/${seededChallengeIdOf(index)}/escalations`, iroOf(index, mix.population.iros), 'iro', {
        escalatedOn: mix.population.today, toStage: 2, reason: 'No response within the stage deadline.',
      });
    },
  },
  {
    name: READ_CASE, weight: 10, command: false,
    build: (mix) => {
      const child = mix.randomChild();
      return mix.get(`/children/${childIdOf(child)}`, iroOf(child, mix.population.iros), 'iro');
    },
  },
  {
    name: "read a child's history (manager)", weight: 5, command: false,
    build: (mix) => mix.get(`/children/${childIdOf(mix.randomChild())}/history`, mix.randomUser('manager', mix.population.managers), 'manager'),
  },
  {
    name: "read a child's oversight (IRO)", weight: 5, command: false,
    build: (mix) => {
      const child = mix.randomChild();
      return mix.get(`/children/${childIdOf(child)}/oversight`, iroOf(child, mix.population.iros), 'iro');
    },
  },
  {
    name: 'clinic candidates (IRO)', weight: 5, command: false, list: true,
    build: (mix) => mix.get('/clinic/candidates?limit=20', iroOf(mix.random(mix.population.iros), mix.population.iros), 'iro'),
  },
  {
    name: 'open challenges (manager)', weight: 5, command: false, list: true,
    build: (mix) => mix.get('/challenges?status=open&limit=20', mix.randomUser('manager', mix.population.managers), 'manager'),
  },
];

function operationNamed(name: string): Operation {
  const operation = OPERATIONS.find((candidate) => candidate.name === name);
  if (!operation) throw new Error(`no operation ${name}`);
  return operation;
}

export const COMMAND_SHARE = OPERATIONS.filter((op) => op.command).reduce((sum, op) => sum + op.weight, 0);
export const DEFAULT_LIST_SHARE = OPERATIONS.filter((op) => op.list).reduce((sum, op) => sum + op.weight, 0);

export class LoadMix {
  private counter = 0;
  private seeded = 0;
  private reviews = 0;
  private seed = 0x2f6b_1c3d;
  private readonly authorizations = new Map<string, string>();
  readonly sent = new Map<string, number>();
  private readonly weights: number[];

  /**
   * `listShare`: the percentage of list queries (default 10, half each); what it leaves of
   * the default goes to reads of a child's case, so reads stay 30%.
   */
  constructor(readonly population: LoadPopulation, listShare: number = DEFAULT_LIST_SHARE) {
    const lists = OPERATIONS.filter((op) => op.list).length;
    const most = DEFAULT_LIST_SHARE + operationNamed(READ_CASE).weight;
    if (listShare < 0 || listShare > most) throw new Error(`the list share must be 0-${most}%`);
    this.weights = OPERATIONS.map((op) =>
      op.list ? listShare / lists : op.name === READ_CASE ? op.weight + DEFAULT_LIST_SHARE - listShare : op.weight,
    );
  }

  /** a small deterministic generator (xorshift), so runs are comparable */
  random(below: number): number {
    this.seed ^= this.seed << 13;
    this.seed ^= this.seed >>> 17;
    this.seed ^= this.seed << 5;
    return (this.seed >>> 0) % below;
  }
  randomChild(): number {
    return this.random(this.population.children);
  }
  randomUser(role: string, count: number): string {
    return `${role}-${this.random(count)}`;
  }
  next(): number {
    return (this.counter += 1);
  }
  /**
   * The next review: the children in turn (a child's reviews are many seconds apart, so
   * none overtakes the one before in flight), each a day after the child's last, counted
   * up to today from REVIEW_DAYS_BACK days before it (a period has one review a day).
   */
  nextReview(): { child: number; heldOn: string } {
    const turn = this.reviews;
    this.reviews += 1;
    const child = turn % this.population.children;
    const round = Math.floor(turn / this.population.children);
    return { child, heldOn: addDays(this.population.today, -Math.max(0, REVIEW_DAYS_BACK - round)) };
  }
  nextSeededChallenge(): number | null {
    return this.seeded < this.population.seededChallenges ? this.seeded++ : null;
  }

  /** every operation of the mix by name, to probe each alone */
  static operations(): string[] {
    return OPERATIONS.map((operation) => operation.name);
  }

  /** a request of the named operation */
  requestOf(name: string): Request {
    return operationNamed(name).build(this);
  }

  /** the next request of the mix */
  request(): Request {
    let pick = this.random(1000) / 10;
    for (const [index, operation] of OPERATIONS.entries()) {
      if (pick < this.weights[index]) {
        this.sent.set(operation.name, (this.sent.get(operation.name) ?? 0) + 1);
        return operation.build(this);
      }
      pick -= this.weights[index];
    }
    throw new Error('the weights of the mix must add up to 100');
  }

  post(path: string, userId: string, role: string, body: object): Request {
    return { method: 'POST', path, headers: this.headers(userId, role, true), body: json(body) };
  }
  get(path: string, userId: string, role: string): Request {
    return { method: 'GET', path, headers: this.headers(userId, role, false) };
  }

  private headers(userId: string, role: string, withBody: boolean): Record<string, string> {
    let authorization = this.authorizations.get(userId);
    if (!authorization) this.authorizations.set(userId, (authorization = this.population.authorization(userId, role)));
    return withBody ? { authorization, 'content-type': 'application/json' } : { authorization };
  }
}
