import type { Random } from './random.ts';
import { randomSurname } from './person-names.ts';

const URBAN_FIRST = [
  '城西', '城东', '城南', '城北', '东门', '西门', '南门', '北门', '江东', '江西', '浦阳', '望云', '花园', '新华',
  '人民', '解放', '文化', '和平', '健康', '永安', '兴业', '长宁', '翠峰', '万福', '庆丰', '艮塔', '大桥', '高湖',
  '东旺', '浣纱', '苎萝', '金鸡山', '太平', '光明', '湄池', '滨江', '阳光', '凤仪', '下沙', '西施', '东盛', '雄踞',
  '龙山', '朝阳', '新桥', '怡景', '丰江', '璜山路', '越都', '明珠', '暨东', '暨北', '城中', '湖滨', '新城', '陶朱',
];
const VILLAGE_FIRST = '上下前后东西南北大小新老石竹枫杨柳桃梅金银白青红黄马龙凤山溪塘湖泉茶';
const VILLAGE_SECOND = ['坞', '岭', '坑', '畈', '桥', '园', '埠', '坂', '头', '口', '溪', '塘', '山', '湾', '坪', '店', '庄', '岙', '墅', '宅'];

/**
 * A synthetic community name (…社区) or village name (…村), not yet in `taken` (which it joins):
 * names are unique within a town. Villages are often named after a clan (王家村) or a landscape
 * feature (石塘村).
 */
export function randomCommunityName(random: Random, urban: boolean, taken: Set<string>): string {
  for (let attempt = 0; ; attempt++) {
    let stem: string;
    if (urban) stem = random.pick(URBAN_FIRST) + (attempt > 40 ? random.pick(['新村', '花苑', '家园']) : '');
    else if (random.chance(0.35)) stem = randomSurname(random) + (random.chance(0.7) ? '家' : '宅');
    else stem = VILLAGE_FIRST[random.int(VILLAGE_FIRST.length)] + random.pick(VILLAGE_SECOND);
    const name = stem + (urban ? '社区' : '村');
    if (!taken.has(name)) {
      taken.add(name);
      return name;
    }
    if (attempt > 1000) throw new Error('Ran out of community names');
  }
}

/** Chinese numeral for 1..99 as used in grid names (第十二网格). */
export function chineseNumber(n: number): string {
  const digits = '零一二三四五六七八九';
  if (n < 10) return digits[n];
  if (n < 20) return '十' + (n % 10 ? digits[n % 10] : '');
  if (n < 100) return digits[Math.floor(n / 10)] + '十' + (n % 10 ? digits[n % 10] : '');
  return String(n);
}
