// A compact address table: provinces with a few real cities, districts and postcodes each.

export interface CityEntry {
	city: string;
	postcode: string;
	districts: readonly string[];
}
export interface ProvinceEntry {
	province: string;
	/** Share of orders, roughly following online-retail volume. */
	weight: number;
	cities: readonly CityEntry[];
}

const c = (city: string, postcode: string, districts: string[]): CityEntry => ({ city, postcode, districts });

export const PROVINCES: readonly ProvinceEntry[] = [
	{ province: '广东省', weight: 12, cities: [c('广州市', '510000', ['天河区', '越秀区', '海珠区', '番禺区']), c('深圳市', '518000', ['南山区', '福田区', '宝安区', '龙岗区']), c('东莞市', '523000', ['南城街道', '长安镇'])] },
	{ province: '浙江省', weight: 9, cities: [c('杭州市', '310000', ['西湖区', '滨江区', '余杭区', '上城区']), c('宁波市', '315000', ['鄞州区', '海曙区']), c('温州市', '325000', ['鹿城区', '瓯海区'])] },
	{ province: '江苏省', weight: 9, cities: [c('南京市', '210000', ['鼓楼区', '玄武区', '江宁区']), c('苏州市', '215000', ['姑苏区', '工业园区', '吴中区']), c('无锡市', '214000', ['梁溪区', '滨湖区'])] },
	{ province: '上海', weight: 6, cities: [c('上海市', '200000', ['浦东新区', '徐汇区', '静安区', '闵行区', '杨浦区'])] },
	{ province: '北京', weight: 6, cities: [c('北京市', '100000', ['朝阳区', '海淀区', '东城区', '丰台区', '通州区'])] },
	{ province: '山东省', weight: 6, cities: [c('济南市', '250000', ['历下区', '市中区']), c('青岛市', '266000', ['市南区', '崂山区', '黄岛区'])] },
	{ province: '四川省', weight: 5, cities: [c('成都市', '610000', ['武侯区', '锦江区', '高新区', '双流区']), c('绵阳市', '621000', ['涪城区'])] },
	{ province: '河南省', weight: 5, cities: [c('郑州市', '450000', ['金水区', '二七区', '中原区']), c('洛阳市', '471000', ['洛龙区', '西工区'])] },
	{ province: '湖北省', weight: 4, cities: [c('武汉市', '430000', ['武昌区', '洪山区', '江汉区']), c('宜昌市', '443000', ['西陵区'])] },
	{ province: '福建省', weight: 4, cities: [c('福州市', '350000', ['鼓楼区', '仓山区']), c('厦门市', '361000', ['思明区', '湖里区'])] },
	{ province: '湖南省', weight: 4, cities: [c('长沙市', '410000', ['岳麓区', '芙蓉区', '天心区']), c('株洲市', '412000', ['天元区'])] },
	{ province: '河北省', weight: 3, cities: [c('石家庄市', '050000', ['长安区', '桥西区']), c('保定市', '071000', ['竞秀区'])] },
	{ province: '安徽省', weight: 3, cities: [c('合肥市', '230000', ['蜀山区', '包河区']), c('芜湖市', '241000', ['镜湖区'])] },
	{ province: '陕西省', weight: 3, cities: [c('西安市', '710000', ['雁塔区', '碑林区', '未央区'])] },
	{ province: '辽宁省', weight: 3, cities: [c('沈阳市', '110000', ['和平区', '浑南区']), c('大连市', '116000', ['中山区', '甘井子区'])] },
	{ province: '重庆', weight: 3, cities: [c('重庆市', '400000', ['渝北区', '江北区', '南岸区'])] },
	{ province: '天津', weight: 2, cities: [c('天津市', '300000', ['和平区', '南开区', '滨海新区'])] },
	{ province: '江西省', weight: 2, cities: [c('南昌市', '330000', ['红谷滩区', '东湖区'])] },
	{ province: '广西壮族自治区', weight: 2, cities: [c('南宁市', '530000', ['青秀区', '西乡塘区']), c('桂林市', '541000', ['秀峰区'])] },
	{ province: '云南省', weight: 2, cities: [c('昆明市', '650000', ['五华区', '盘龙区'])] },
	{ province: '山西省', weight: 2, cities: [c('太原市', '030000', ['小店区', '迎泽区'])] },
	{ province: '黑龙江省', weight: 2, cities: [c('哈尔滨市', '150000', ['南岗区', '道里区'])] },
	{ province: '吉林省', weight: 1, cities: [c('长春市', '130000', ['朝阳区', '南关区'])] },
	{ province: '贵州省', weight: 1, cities: [c('贵阳市', '550000', ['观山湖区', '南明区'])] },
	{ province: '内蒙古自治区', weight: 1, cities: [c('呼和浩特市', '010000', ['赛罕区', '新城区'])] },
	{ province: '新疆维吾尔自治区', weight: 1, cities: [c('乌鲁木齐市', '830000', ['天山区', '沙依巴克区'])] },
	{ province: '甘肃省', weight: 1, cities: [c('兰州市', '730000', ['城关区', '七里河区'])] },
	{ province: '海南省', weight: 1, cities: [c('海口市', '570000', ['龙华区', '美兰区']), c('三亚市', '572000', ['吉阳区'])] },
	{ province: '宁夏回族自治区', weight: 1, cities: [c('银川市', '750000', ['兴庆区', '金凤区'])] },
	{ province: '青海省', weight: 1, cities: [c('西宁市', '810000', ['城西区', '城东区'])] },
	{ province: '西藏自治区', weight: 1, cities: [c('拉萨市', '850000', ['城关区'])] },
];

export const STREETS = [
	'人民路', '解放路', '中山路', '建设路', '文化路', '和平路', '新华路', '长江路', '黄河路', '学府路',
	'科技路', '青年路', '光明街', '幸福路', '滨江大道', '世纪大道', '朝阳路', '东风路', '南京路', '春风路',
] as const;

export const COMPOUNDS = [
	'阳光花园', '锦绣家园', '翠苑小区', '金色港湾', '华府公寓', '绿城桂花园', '万科城', '碧桂园', '龙湖天街', '保利花园',
	'创业大厦', '数码港', '国际广场', '人才公寓', '江南世家',
] as const;

export const PROVINCE_WEIGHTS: ReadonlyArray<readonly [ProvinceEntry, number]> = PROVINCES.map((p) => [p, p.weight]);
