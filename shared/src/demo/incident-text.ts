import type { IncidentKind } from '../incidents/incident-catalogue.ts';
import { randomSurname } from './person-names.ts';
import type { Random } from './random.ts';

/** Short report templates per kind; {a} and {b} are the parties (王某, 陈某), {x} a detail. */
const TEMPLATES: Record<IncidentKind, { lines: string[]; details: string[] }> = {
  neighbour: {
    lines: ['{a}与邻居{b}因{x}发生纠纷', '{a}反映邻居{b}{x}，双方多次争吵', '{a}与{b}两户因{x}产生矛盾'],
    details: ['建房采光', '排水沟改道', '噪音扰民', '宠物伤人', '公共通道被占用', '围墙界址', '楼上漏水'],
  },
  family: {
    lines: ['{a}与配偶因{x}发生争吵，要求调解', '{a}家庭因{x}产生矛盾', '{a}与子女{b}因{x}发生纠纷'],
    details: ['赡养老人', '离婚财产分割', '子女抚养', '家庭暴力', '遗产继承', '彩礼返还'],
  },
  land: {
    lines: ['{a}与{b}因{x}发生争议', '{a}反映{x}问题，与村集体意见不一', '{a}与{b}两户就{x}各执一词'],
    details: ['宅基地界址', '承包地边界', '山林权属', '土地流转租金', '征地补偿分配', '自留地耕种'],
  },
  labour: {
    lines: ['{a}等工人反映{x}', '{a}与用人单位因{x}发生劳动争议', '{a}反映企业{x}，要求协调'],
    details: ['拖欠工资', '未签劳动合同', '工伤赔偿', '加班费未支付', '辞退补偿', '社保未缴'],
  },
  property: {
    lines: ['{a}等业主与物业公司因{x}发生纠纷', '{a}反映小区{x}', '{a}与物业就{x}产生争议'],
    details: ['物业费上涨', '停车位管理', '电梯维修', '公共收益分配', '绿化被毁', '装修噪音管理'],
  },
  traffic: {
    lines: ['{a}与{b}发生交通事故，就{x}协商未果', '{a}驾驶电动车与{b}相撞，{x}存在分歧'],
    details: ['赔偿金额', '责任认定', '医疗费垫付', '车辆维修费用', '误工费'],
  },
  medical: {
    lines: ['{a}家属对{x}有异议，与医院发生纠纷', '{a}认为{x}，要求医院赔偿'],
    details: ['手术结果', '用药不当', '诊断延误', '护理不到位', '收费明细'],
  },
  commercial: {
    lines: ['{a}与{b}因{x}发生商事纠纷', '{a}经营的店铺与供货商{b}因{x}产生争议'],
    details: ['货款结算', '合同违约', '质量不合格', '租赁合同', '合伙分红'],
  },
  debt: {
    lines: ['{a}反映{b}{x}', '{a}与{b}因{x}发生债务纠纷'],
    details: ['借款到期不还', '民间借贷利息', '担保责任', '工程款拖欠', '赊账未结'],
  },
  petition: {
    lines: ['{a}就{x}多次信访', '{a}反映{x}问题，要求答复', '{a}到镇政府反映{x}'],
    details: ['拆迁安置', '低保资格', '历史遗留问题', '环境污染', '村务公开'],
  },
};

/** A short Chinese sentence describing an incident of this kind, with anonymised parties. */
export function describeIncident(kind: IncidentKind, random: Random): string {
  const { lines, details } = TEMPLATES[kind];
  let a = randomSurname(random), b = randomSurname(random);
  if (a === b) b = b === '陈' ? '王' : '陈';
  return random
    .pick(lines)
    .replace('{a}', `${a}某`)
    .replace('{b}', `${b}某`)
    .replace('{x}', random.pick(details));
}
