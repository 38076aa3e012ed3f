import { splitLeadingDistrict } from '../../../../lib/channels/core/address';

const cn = { province: '广东', city: '深圳市', country: 'CN' };

describe('splitLeadingDistrict', () => {
	it.each([
		['南山区科技园路1号', '南山区', '科技园路1号'],
		['南山区 科技园路1号', '南山区', '科技园路1号'],
		['广东省深圳市南山区科技园路1号', '南山区', '科技园路1号'],
		['深圳南山区科技园路1号', '南山区', '科技园路1号'],
		['浦东新区世纪大道100号', '浦东新区', '世纪大道100号'],
		['市中区经七路5号', '市中区', '经七路5号'],
		['工业园区星湖街328号', '工业园区', '星湖街328号'],
		['长安镇振安路9号', '长安镇', '振安路9号'],
		['南城街道鸿福路2号', '南城街道', '鸿福路2号'],
	])('%s -> %s + %s', (line, district, street) => {
		expect(splitLeadingDistrict(line, cn)).toEqual({ district, street });
	});

	it.each([
		['科技园路1号南山区', 'no district at the start'],
		['阳光小区3幢', 'a housing estate, not a district'],
		['南山区', 'a district with no street after it'],
		['123 Main Street', 'not Chinese text'],
	])('leaves %s alone (%s)', (line) => {
		expect(splitLeadingDistrict(line, cn)).toEqual({ street: line });
	});

	it('leaves addresses outside mainland China alone', () => {
		expect(splitLeadingDistrict('渋谷区神南1-2-3', { city: '東京都', country: 'JP' })).toEqual({ street: '渋谷区神南1-2-3' });
		expect(splitLeadingDistrict(undefined, cn)).toEqual({ street: undefined });
	});
});
