import type { Random } from './random.ts';

/** Common surnames around Zhuji, with rough relative frequencies (陈, 王, 楼, 郦, 宣, 斯 are local). */
const SURNAMES: readonly [string, number][] = [
  ['陈', 90], ['王', 70], ['张', 45], ['金', 35], ['周', 35], ['杨', 30], ['赵', 28], ['黄', 28],
  ['俞', 25], ['何', 25], ['楼', 22], ['吴', 22], ['徐', 22], ['孙', 18], ['朱', 18], ['蒋', 18],
  ['郦', 15], ['宣', 14], ['斯', 12], ['骆', 14], ['马', 12], ['胡', 16], ['郭', 10], ['林', 12],
  ['方', 12], ['钱', 10], ['冯', 10], ['石', 9], ['傅', 12], ['寿', 8], ['边', 8], ['丁', 8],
  ['许', 10], ['沈', 10], ['袁', 8], ['蔡', 8], ['毛', 8], ['应', 8], ['章', 10], ['卢', 6],
  ['屠', 6], ['翁', 6], ['钟', 5], ['魏', 5], ['孟', 4], ['汤', 5], ['李', 30], ['刘', 20],
];
const SURNAME_WEIGHTS = SURNAMES.map(([, w]) => w);

const MALE_GIVEN = '伟建国明军华强平斌杰峰海勇林波东忠兴荣根水法金祥富贵龙庆松涛彬志刚文良永成卫';
const FEMALE_GIVEN = '芳英娟燕萍红霞丽敏静琴美月凤兰珍娣仙花素秀婷雪莉佳玲燕云琳洁慧飞艳';

/** A surname drawn by frequency. */
export function randomSurname(random: Random): string {
  return SURNAMES[random.weightedIndex(SURNAME_WEIGHTS)][0];
}

/** A synthetic Chinese full name: surname and a one- or two-character given name. */
export function randomPersonName(random: Random): string {
  const chars = random.chance(0.5) ? MALE_GIVEN : FEMALE_GIVEN;
  const given = random.chance(0.7) ? chars[random.int(chars.length)] + chars[random.int(chars.length)] : chars[random.int(chars.length)];
  return randomSurname(random) + given;
}

/** A synthetic 11-digit mobile number, 1[3-9] then nine digits. */
export function randomMobile(random: Random): string {
  let digits = '1' + (3 + random.int(7));
  for (let i = 0; i < 9; i++) digits += random.int(10);
  return digits;
}

/** A synthetic Zhuji landline, 0575-87xxxxxx. */
export function randomLandline(random: Random): string {
  let digits = '0575-87';
  for (let i = 0; i < 6; i++) digits += random.int(10);
  return digits;
}
