// Names, phones and nicks that look like real Chinese shoppers, drawn from a seeded stream.
import type { Rng } from '../core/rng';

const SURNAMES: ReadonlyArray<readonly [string, number]> = [
	['王', 72], ['李', 70], ['张', 66], ['刘', 53], ['陈', 46], ['杨', 32], ['黄', 24], ['赵', 22], ['吴', 21],
	['周', 21], ['徐', 17], ['孙', 15], ['马', 15], ['朱', 14], ['胡', 13], ['郭', 12], ['何', 12], ['林', 11],
	['高', 11], ['罗', 10], ['郑', 10], ['梁', 9], ['谢', 8], ['宋', 8], ['唐', 8], ['许', 7], ['韩', 7], ['冯', 7],
	['邓', 7], ['曹', 6], ['彭', 6], ['曾', 6], ['肖', 6], ['田', 5], ['董', 5], ['潘', 5], ['袁', 5], ['蔡', 5],
	['蒋', 5], ['余', 5], ['于', 5], ['杜', 5], ['叶', 4], ['程', 4], ['魏', 4], ['苏', 4], ['吕', 4], ['丁', 4],
	['欧阳', 1], ['司马', 1], ['诸葛', 1],
];

const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍鹏辉建国晨浩宇欣怡子涵梓轩雨婷思远嘉俊佳琪一鸣晓东文博雪梅海燕志强春红';

const MOBILE_PREFIXES = [
	'130', '131', '132', '133', '135', '136', '137', '138', '139', '150', '151', '152', '153', '155', '156', '157',
	'158', '159', '166', '170', '176', '177', '178', '180', '181', '182', '183', '185', '186', '187', '188', '189',
	'191', '195', '198', '199',
];

const NICK_WORDS = [
	'小猫', '橘子', '阿狸', '小鹿', '星星', '晴天', '柚子', '布丁', '奶茶', '兔兔', '米粒', '海盐', '桃子', '栗子', '团团',
];
const NICK_PREFIXES = ['快乐的', '爱吃', '小', '大大的', '努力的', '不吃', '喜欢'];

export function personName(rng: Rng): string {
	const surname = rng.weighted(SURNAMES);
	const givenLength = rng.chance(0.7) ? 2 : 1;
	let given = '';
	for (let i = 0; i < givenLength; i++) given += GIVEN[rng.int(0, GIVEN.length - 1)];
	return surname + given;
}

export function mobilePhone(rng: Rng): string {
	return rng.pick(MOBILE_PREFIXES) + rng.digits(8, '0123456789');
}

export function buyerNick(rng: Rng): string {
	const style = rng.int(0, 2);
	if (style === 0) return `tb${rng.digits(10)}`;
	if (style === 1) return rng.pick(NICK_PREFIXES) + rng.pick(NICK_WORDS) + rng.int(1, 999);
	return rng.pick(NICK_WORDS) + rng.pick(NICK_WORDS);
}
