import { AREA_LEVELS, type AreaLevel } from '../areas/area-level.ts';
import { HOUSEHOLD_TAGS, type HouseholdTag } from '../households/household-tags.ts';
import {
  INCIDENT_KINDS,
  INCIDENT_SOURCES,
  INCIDENT_STATUSES,
  type IncidentKind,
  type IncidentSource,
  type IncidentStatus,
} from '../incidents/incident-catalogue.ts';
import { MEDIATION_KINDS, type MediationKind } from '../mediation/mediation-catalogue.ts';

/**
 * The words a county's own spreadsheets use for GridMap's codes: a register says 流动人口, not
 * `migrant`. Each code is also accepted as itself. Keys are compared without spaces.
 */
const ALIASES = {
  tag: {
    migrant: ['流动人口', '外来租户', '租户', '流动人口/租户', '外来人口'],
    elderly_alone: ['独居老人', '空巢老人'],
    released_prisoner: ['刑满释放人员', '刑释人员'],
    community_correction: ['社区矫正人员', '社区矫正对象'],
    severe_mental_disorder: ['严重精神障碍患者', '精神障碍患者'],
    drug_user: ['吸毒人员', '社区戒毒人员'],
    key_petitioner: ['信访重点人员', '重点信访人员'],
  } satisfies Record<HouseholdTag, string[]>,
  incidentKind: {
    neighbour: ['邻里纠纷', '邻里'],
    family: ['婚姻家庭', '婚姻家庭纠纷', '家庭纠纷'],
    land: ['土地/宅基地', '土地纠纷', '宅基地纠纷', '山林土地纠纷'],
    labour: ['劳动争议', '劳资纠纷', '劳动纠纷'],
    property: ['物业纠纷', '物业'],
    traffic: ['交通事故', '交通事故纠纷'],
    medical: ['医疗纠纷', '医患纠纷'],
    commercial: ['商事纠纷', '合同纠纷'],
    debt: ['债务纠纷', '债务', '借贷纠纷'],
    petition: ['信访', '信访事项'],
  } satisfies Record<IncidentKind, string[]>,
  incidentStatus: {
    reported: ['已上报', '待受理'],
    accepted: ['已受理'],
    assigned: ['已交办', '已分流'],
    mediating: ['调解中', '办理中'],
    resolved: ['调解成功', '已化解'],
    failed: ['调解失败', '未化解'],
    referred: ['已移交'],
    followed_up: ['已回访'],
    closed: ['已办结', '办结'],
  } satisfies Record<IncidentStatus, string[]>,
  incidentSource: {
    patrol: ['网格员巡查', '巡查', '排查'],
    walk_in: ['群众来访', '来访'],
    hotline_12345: ['12345', '12345热线'],
    police_110: ['110', '110警情移交', '110移交'],
    online: ['网上上报', 'app上报', '网上/app上报', '网络'],
  } satisfies Record<IncidentSource, string[]>,
  mediationKind: {
    conflict_centre: ['矛调中心', '社会矛盾纠纷调处化解中心', '综治中心'],
    people_committee: ['人民调解委员会', '调委会', '村调委会'],
    police_joint: ['警民联调室', '警民联调'],
    commercial: ['商事调解', '商事纠纷调解中心', '商事调解室'],
    specialised: ['专业调委会', '行业性专业性调委会'],
    psychological: ['心理服务', '心理咨询室', '社会心理服务中心', '社会心理服务站'],
    court: ['诉调对接/法庭', '人民法庭', '诉调对接'],
  } satisfies Record<MediationKind, string[]>,
  level: {
    county: ['县', '县(市、区)', '县级', '区', '市'],
    town: ['乡镇', '乡镇(街道)', '镇', '街道', '乡'],
    community: ['社区', '村', '社区/村', '村(社区)'],
    grid: ['网格'],
  } satisfies Record<AreaLevel, string[]>,
};

type Vocabulary = keyof typeof ALIASES;
type CodeOf<V extends Vocabulary> = keyof (typeof ALIASES)[V] & string;

const CODES: { [V in Vocabulary]: readonly string[] } = {
  tag: HOUSEHOLD_TAGS,
  incidentKind: INCIDENT_KINDS,
  incidentStatus: INCIDENT_STATUSES,
  incidentSource: INCIDENT_SOURCES,
  mediationKind: MEDIATION_KINDS,
  level: AREA_LEVELS,
};

const normalise = (text: string) => text.replace(/[\s　]+/g, '').toLowerCase();

const LOOKUP = Object.fromEntries(
  (Object.keys(ALIASES) as Vocabulary[]).map((v) => {
    const map = new Map<string, string>();
    for (const code of CODES[v]) map.set(normalise(code), code);
    for (const [code, words] of Object.entries(ALIASES[v] as Record<string, string[]>)) {
      for (const w of words) map.set(normalise(w), code);
    }
    return [v, map];
  }),
) as Record<Vocabulary, Map<string, string>>;

/** The code a source's word stands for, or null, e.g. codeOf('tag', '流动人口') === 'migrant'. */
export function codeOf<V extends Vocabulary>(vocabulary: V, word: string): CodeOf<V> | null {
  return (LOOKUP[vocabulary].get(normalise(word)) ?? null) as CodeOf<V> | null;
}

/** Splits a list cell ('流动人口、独居老人', 'a;b', 'a|b') into its words. */
export function splitList(text: string): string[] {
  return text.split(/[;；,，、|]+/).map((w) => w.trim()).filter((w) => w !== '');
}
