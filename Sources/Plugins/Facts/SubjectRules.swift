import AnalyticsCore

/// One example of a subject rule: «…» marks the figure; `subject` is what the rule makes its subject
/// (nil: none), `notSubject` what it must not be (the clause junk or fragment the rule prevents).
public struct SubjectExample: Sendable {
    public let markedInput: String
    public let subject: String?
    public let notSubject: String?

    /// Whether `subject` is checked (an example that only says what the subject must not be leaves it open).
    public let checksSubject: Bool

    public init(_ markedInput: String, subject: String?, notSubject: String? = nil) {
        self.markedInput = markedInput
        self.subject = subject
        self.notSubject = notSubject
        checksSubject = true
    }

    public init(_ markedInput: String, notSubject: String) {
        self.markedInput = markedInput
        subject = nil
        self.notSubject = notSubject
        checksSubject = false
    }
}

/// A named rule of the subject finder with examples both ways: where it applies, and a neighbouring
/// case where it must leave the subject alone (SubjectRuleExampleTests run them).
public struct SubjectRuleDescription: Sendable {
    public let id: String
    public let summary: String
    public let examples: [SubjectExample]
}

extension FactsAnalyzer {
    /// The subject rules of `SubjectFinder` and `FactBuilder.finish`, with their examples.
    public static let subjectRules: [SubjectRuleDescription] = [
        SubjectRuleDescription(id: "countedNoun", summary: "the noun phrase after a measure word is what is counted", examples: [
            SubjectExample("平台已孵化出«7家»上市企业。", subject: "上市企业", notSubject: "平台已孵化出"),
            SubjectExample("大会共设置«23个»大项。", subject: "大项", notSubject: "设置"),
            SubjectExample("新建学校«38所»。", subject: "学校"),
        ]),
        SubjectRuleDescription(id: "nounAfterUnit", summary: "a measure or an amount of money with only a verb before it measures the noun after its unit", examples: [
            SubjectExample("他承包了«120亩»荒山。", subject: "荒山", notSubject: "承包"),
            SubjectExample("新建高标准农田«12万亩»。", subject: "高标准农田"),
            SubjectExample("全年投资«1.2万亿元»。", subject: "投资"),
        ]),
        SubjectRuleDescription(id: "functionWordStart", summary: "a word the HMM made that starts with a preposition or adverb (or, of three characters, a verb) is no noun", examples: [
            SubjectExample("全村«200多户»农户以种茶为生。", subject: "农户", notSubject: "农户以种茶"),
            SubjectExample("这片地每亩能多收«200斤»稻谷。", subject: "稻谷", notSubject: "能多收"),
            SubjectExample("全县«36家»龙头企业。", subject: "龙头企业"),
        ]),
        SubjectRuleDescription(id: "verbObjectStop", summary: "after the head noun, a verb and its object the HMM made into one word end the phrase", examples: [
            SubjectExample("他带动周边«40多户»农户种茶。", subject: "农户", notSubject: "农户种茶"),
            SubjectExample("比赛吸引了«上千名»跑者参加。", subject: "跑者"),
            SubjectExample("«十几名»工人正在紧张施工。", subject: "工人", notSubject: "工人正在紧张施工"),
        ]),
        SubjectRuleDescription(id: "verbInsideNoun", summary: "a verb that makes a dictionary noun with the character before it (总投资) does not govern", examples: [
            SubjectExample("这座大桥总投资«18亿元»。", subject: "大桥总投资", notSubject: "总"),
            SubjectExample("全年投资«1.2万亿元»。", subject: "投资"),
        ]),
        SubjectRuleDescription(id: "nounVerbObject", summary: "a verb, a noun and a genre verb last before the figure: the noun and the last verb are the first verb's object", examples: [
            SubjectExample("全年完成固定资产投资«3000亿元»。", subject: "固定资产投资", notSubject: "固定资产"),
            SubjectExample("撬动社会投资«三十余亿元»。", subject: "社会投资", notSubject: "社会"),
            SubjectExample("全年投资«1.2万亿元»。", subject: "投资"),
        ]),
        SubjectRuleDescription(id: "countWithoutNounAfter", summary: "a count whose next word turns out to be no noun is about the phrase before it", examples: [
            SubjectExample("年轻医生从«三人»增加到二十一人。", subject: "年轻医生"),
            SubjectExample("新建«3所»学校。", subject: "学校"),
        ]),
        SubjectRuleDescription(id: "gluedAdverb", summary: "an adverb the HMM glued to the copula before the figure (仍为, 已达) is no part of the phrase", examples: [
            SubjectExample("常见比例仍为«1:2»。", subject: "常见比例", notSubject: "常见比例仍"),
            SubjectExample("项目总数已达«120个»。", subject: "项目总数"),
        ]),
        SubjectRuleDescription(id: "verbBeforeMeasureNoun", summary: "a verb before a lone measure character inside the phrase (充电 桩) is part of the thing's name", examples: [
            SubjectExample("充电桩总数达«50万个»。", subject: "充电桩总数", notSubject: "桩总数"),
            SubjectExample("已建成充电站450座、充电桩«1.8万个»。", subject: "充电桩"),
            SubjectExample("新建学校«38所»。", subject: "学校"),
        ]),
        SubjectRuleDescription(id: "topicPastAdverbials", summary: "with nothing between the verb and the figure, the noun phrase the predicate is about, past adverbs, time words and numbers", examples: [
            SubjectExample("春茶最多时一天卖出«800多斤»。", subject: "春茶", notSubject: "卖出"),
            SubjectExample("全年帮扶困难群众«12.6万人次»。", subject: "困难群众"),
        ]),
        SubjectRuleDescription(id: "predicateVerbStops", summary: "a verb between nouns is the predicate, and the phrase starts after it (of two verbs before the noun the second qualifies it: 签署合作协议), unless it names an indicator (an indicator verb, or a quantity noun after it: 率, 额, 规模) or follows a word that only qualifies (保障性, 公共)", examples: [
            SubjectExample("全市企业签署合作协议«36份»。", subject: "合作协议", notSubject: "企业签署合作协议"),
            SubjectExample("平台连接设备数达到«800万台»。", subject: "平台连接设备数"),
            SubjectExample("平均转乘人次为«91,971人»。", subject: "转乘人次", notSubject: "人次"),
            SubjectExample("城镇登记失业率«5.5%»左右。", subject: "城镇登记失业率"),
            SubjectExample("新开工保障性租赁住房«2.1万套»。", subject: "保障性租赁住房", notSubject: "住房"),
            SubjectExample("累计发放创业担保贷款«58亿元»。", subject: "创业担保贷款", notSubject: "贷款"),
            SubjectExample("该镇已发展特色种植基地«12个»。", subject: "特色种植基地", notSubject: "基地"),
        ]),
        SubjectRuleDescription(id: "rankVerb", summary: "a rank after 位居, 排名… belongs to what stands before the verb (Resources/subject-words.tsv, role rank), and with no noun there has none (never the verb)", examples: [
            SubjectExample("我国算力总规模位居全球«第二»。", subject: "算力总规模", notSubject: "算力总规模位居全球"),
            SubjectExample("城镇登记失业率为«5.5%»。", subject: "城镇登记失业率"),
            SubjectExample("在全省县域经济综合排名中，该县位列«第五»。", subject: nil, notSubject: "位列"),
            SubjectExample("我国经济总量稳居世界«第二»。", subject: "经济总量", notSubject: "世界"),
        ]),
        SubjectRuleDescription(id: "verbAfterDe", summary: "after 的, a lone verb character starts the noun it modifies", examples: [
            SubjectExample("村里的带货主播有«12名»。", subject: "带货主播", notSubject: "货主播"),
            SubjectExample("新建了«3所»学校。", subject: "学校"),
        ]),
        SubjectRuleDescription(id: "timeBeforeSubject", summary: "a date or year before the subject in its clause is not part of it", examples: [
            SubjectExample("10月份社会消费品零售总额«4.6万亿元»。", subject: "社会消费品零售总额", notSubject: "月份社会消费品零售总额"),
            SubjectExample("社会消费品零售总额«4.6万亿元»。", subject: "社会消费品零售总额"),
        ]),
        SubjectRuleDescription(id: "changeToLevel", summary: "the level a change reaches (增加到, 跌至) has the subject of the level it starts from", examples: [
            SubjectExample("财政收入从11.7万亿元增加到«17.3万亿元»。", subject: "财政收入"),
            SubjectExample("全年收入11.7万亿元，支出«12万亿元»。", subject: "支出", notSubject: "全年收入"),
        ]),
        SubjectRuleDescription(id: "shareOfPrevious", summary: "a percentage in a clause that opens with 占 is the share of the figure before it in the sentence", examples: [
            SubjectExample("常住人口达到186万人，占全省的«21.3%»。", subject: "常住人口", notSubject: "全省"),
            SubjectExample("常住人口达到186万人，城镇化率为«21.3%»。", subject: "城镇化率"),
        ]),
        SubjectRuleDescription(id: "listedAcrossKinds", summary: "a figure listed right after another (、), with no subject of its own, shares its subject, whatever its kind", examples: [
            SubjectExample("这座大楼楼高54层、«235.6米»，是当地最高的建筑。", subject: "大楼楼高"),
            SubjectExample("建成充电站450座、充电桩«1.8万个»。", subject: "充电桩", notSubject: "充电站"),
        ]),
        SubjectRuleDescription(id: "bracketRestatement", summary: "an amount in brackets right after a figure (平均, 约 allowed) restates it", examples: [
            SubjectExample("国民生产总值是4080亿美元（平均«4600美元»）。", subject: "国民生产总值"),
            SubjectExample("出口额4080亿美元（其中机电产品«1200亿美元»）。", subject: "机电产品", notSubject: "出口额"),
        ]),
        SubjectRuleDescription(id: "relativeClause", summary: "after the unit, a short clause with 的 leads to the noun it describes (第一个发现的沧龙类); not after 人, which is itself what is counted", examples: [
            SubjectExample("是加州«第一个»发现的沧龙类。", subject: "沧龙类"),
            SubjectExample("共有«5名»参加比赛的选手。", subject: "选手"),
            SubjectExample("吸引了«3000人»参加的活动。", notSubject: "活动"),
        ]),
        SubjectRuleDescription(id: "noiseWords", summary: "words between the subject and the figure (只有, 累计, 达) and scope words before it (全镇, 现有; inside the phrase, those that introduce what is counted, with all before them: 园区现有) are set aside (Resources/subject-words.tsv, role noise)", examples: [
            SubjectExample("小镇常住人口只有«8000人»。", subject: "小镇常住人口", notSubject: "只有"),
            SubjectExample("全镇现有茶园面积«3.5万亩»。", subject: "茶园面积", notSubject: "全镇现有茶园面积"),
            SubjectExample("每位老人每月可领取补贴«300元»。", subject: "补贴", notSubject: "领取补贴"),
            SubjectExample("园区现有从业人员«1.2万人»。", subject: "从业人员", notSubject: "园区现有从业人员"),
            SubjectExample("全市居民人均可支配收入«4.8万元»。", subject: "居民人均可支配收入"),
            SubjectExample("全市PM2.5年均浓度为«38微克/立方米»。", subject: "PM2.5年均浓度"),
            SubjectExample("今年全市电影票房累积达«12亿元»。", subject: "电影票房", notSubject: "电影票房累积"),
            SubjectExample("导航系统定位精度优于«10米»。", subject: "导航系统定位精度", notSubject: "导航系统定位精度优于"),
        ]),
        SubjectRuleDescription(id: "adverbBeforeNoun", summary: "first after a measure word, a word tagged as an adverb before a noun modifies it", examples: [
            SubjectExample("举行«第十九次»特别会议。", subject: "特别会议"),
            SubjectExample("三个项目«5个»都已完工。", subject: "项目", notSubject: "都"),
        ]),
        SubjectRuleDescription(id: "nounlessPhrase", summary: "a subject names a thing: a phrase with no noun (快, 最高, 连续) or one verb character (带) is none, nor is a count with a measure word its governing verb (签订); one adjective character is kept only as a measure's dimension (宽)", examples: [
            SubjectExample("他们每天带«30人»。", subject: nil, notSubject: "带"),
            SubjectExample("今年共签订«4400余件»。", subject: nil, notSubject: "签订"),
            SubjectExample("制定政府规章2件、废止«22件»。", subject: nil, notSubject: "废止"),
            SubjectExample("全年视察«3次»。", subject: "视察"),
            SubjectExample("今年以来连续«3个月»下降。", subject: nil, notSubject: "连续"),
            SubjectExample("这种鱼体长约30厘米，宽«8厘米»。", subject: "宽"),
            SubjectExample("全年投资«1.2万亿元»。", subject: "投资"),
        ]),
        SubjectRuleDescription(id: "adjectiveAfterHead", summary: "adjectives after the head noun are the predicate: a modifier stands before its noun", examples: [
            SubjectExample("这一数字连续增长«5%»。", subject: "数字", notSubject: "数字连续"),
            SubjectExample("这里的车速快«一倍»。", subject: "车速", notSubject: "车速快"),
            SubjectExample("新建大型商场«3个»。", subject: "大型商场"),
        ]),
        SubjectRuleDescription(id: "comparisonStandard", summary: "the phrase after 比 or 较 is the standard a change is compared with, not its subject (the figure before then gives it)", examples: [
            SubjectExample("港口吞吐量3520万箱，比去年同期增长«5.2%»。", subject: "港口吞吐量", notSubject: "去年同期"),
            SubjectExample("出口额比上年增长«8%»。", subject: "出口额"),
        ]),
        SubjectRuleDescription(id: "unitPhraseAfter", summary: "after a bare number, a noun phrase ending in a count unit (标准箱) that ends the clause is the unit as written; the indicator before is the subject", examples: [
            SubjectExample("港口集装箱吞吐量«3520万标准箱»。", subject: "港口集装箱吞吐量", notSubject: "标准箱"),
            SubjectExample("全市共有«3520万»居民。", subject: "居民"),
        ]),
        SubjectRuleDescription(id: "measureWordTail", summary: "a measure word right after a numeral is the tail of the figure before; in a list each measure or amount is about the noun after its own unit", examples: [
            SubjectExample("项目共加固46座水库、«210公里»堤防。", subject: "堤防", notSubject: "座水库"),
            SubjectExample("株高«20厘米»。", subject: "株高"),
            SubjectExample("加固水库46座、堤防«210公里»。", subject: "堤防"),
        ]),
        // Fourth round (issue 17): classes of errors seen on texts nobody tuned on, written as sentences of our own.
        SubjectRuleDescription(id: "auxiliaryPredicate", summary: "a word the HMM made that starts with an auxiliary verb (能出, 会生) is a predicate, and one that ends in an adverb (分只) an adverb: never a noun", examples: [
            SubjectExample("这个大棚一年能出«五茬»。", subject: "大棚", notSubject: "能出"),
            SubjectExample("全年能源消费总量«5.2亿吨»。", subject: "能源消费总量"),
        ]),
        SubjectRuleDescription(id: "purposeAfterMoney", summary: "after an amount of money, a verb and its object are what the money is for, not what it is, unless the head names money (资金, 贷款, 盈余: role metric); the governing verb stays", examples: [
            SubjectExample("投入«3000万元»改善乡村学校办学条件。", subject: "投入", notSubject: "改善乡村学校办学条件"),
            SubjectExample("县里拨付«3000万元»救灾资金。", subject: "救灾资金"),
            SubjectExample("当年创出了逾«二百亿美元»贸易盈余。", subject: "贸易盈余"),
            SubjectExample("全年发放«2亿元»创业担保贷款。", subject: "创业担保贷款", notSubject: "创业"),
            SubjectExample("«734个»制造业重大项目完成投资1200亿元。", subject: "制造业重大项目", notSubject: "制造业重大项目完成投资"),
        ]),
        SubjectRuleDescription(id: "personUnit", summary: "人 (人次) is itself the noun a count counts: a noun right after it is the next clause's, not the figure's (through 是/为 it still names them)", examples: [
            SubjectExample("代表团一行«10人»专程前来考察。", notSubject: "专程"),
            SubjectExample("比赛吸引了«上千名»跑者参加。", subject: "跑者"),
            SubjectExample("他们中有«三人»为南京大学校友。", subject: "南京大学校友"),
        ]),
        SubjectRuleDescription(id: "adjectiveHead", summary: "a word the lexicon tags as an adjective (合同) that ends the phrase after a measure word is its noun", examples: [
            SubjectExample("全年签订了«4400余份»合同。", subject: "合同"),
            SubjectExample("新建«3所»大型学校。", subject: "大型学校"),
        ]),
        SubjectRuleDescription(id: "regionLocative", summary: "a locative of two characters or more that names a region or part (东部, 初中部) is a noun in the phrase; positions and times (之间, 以上, 期间) are not", examples: [
            SubjectExample("在校生2100人，其中高中部904人，初中部«1165人»。", subject: "初中部"),
            SubjectExample("东部地区生产总值增长«5%»。", subject: "东部地区生产总值"),
            SubjectExample("两地之间距离«30公里»。", subject: "距离", notSubject: "之间距离"),
        ]),
        SubjectRuleDescription(id: "standardBeforeChange", summary: "比 or 较 and the standard after it (上年, 三年前) are set aside; the phrase before them is what changed", examples: [
            SubjectExample("全市粮食产量较上年增长«5.2%»。", subject: "粮食产量"),
            SubjectExample("营业额比三年前增长«八成»。", subject: "营业额"),
            SubjectExample("比去年同期增长«5.2%»。", subject: nil),
            SubjectExample("高新技术企业总数达到1560家，比上年净增«320家»。", subject: "高新技术企业总数"),
        ]),
        SubjectRuleDescription(id: "periodPrefix", summary: "年 alone before a verb and the quantity it names means per year and stays (年加工能力); after a number it is the year's", examples: [
            SubjectExample("该厂年加工能力达«5万吨»。", subject: "年加工能力", notSubject: "能力"),
            SubjectExample("2023年加工能力达«5万吨»。", subject: "加工能力"),
        ]),
        SubjectRuleDescription(id: "administrativePlace", summary: "a place with its administrative level first in the phrase (东海市, 浙江省, 青岛港) says whose the quantity is, like 全市: the name starts after it (not 城镇, 黄河流域: no level)", examples: [
            SubjectExample("东海市货物贸易进出口总额达到«5000亿元»。", subject: "货物贸易进出口总额", notSubject: "东海市货物贸易进出口总额"),
            SubjectExample("城镇调查失业率«5.2%»。", subject: "城镇调查失业率"),
            SubjectExample("黄河流域湿地面积达到«120万亩»。", subject: "黄河流域湿地面积"),
        ]),
        SubjectRuleDescription(id: "respectively", summary: "things named together (和, 、), then 分别 and a list of figures: one each, in order, 、 or 和 between the figures; items before the subject that only 、 separates are items too; a last item whose head names a quantity (or after one-word items, all but its part parallel to them) shares that head; 城乡 (a word naming two things, subject-words.tsv pair) is 城镇 and 农村 when two figures follow", examples: [
            SubjectExample("服务业和制造业则分别占了36.9%和«18.8%»。", subject: "制造业", notSubject: "服务业和制造业"),
            SubjectExample("钢材、电解铜、多晶硅产量分别增长«93.1%»、47.5%、8%。", subject: "钢材产量"),
            SubjectExample("民营企业、外资企业出口分别占全省的50.6%、«41.9%»。", subject: "外资企业"),
            SubjectExample("城镇和农村居民人均可支配收入分别增长«4.8%»和6.3%。", subject: "城镇居民人均可支配收入", notSubject: "城镇和农村居民人均可支配收入"),
            SubjectExample("城镇和农村居民人均可支配收入分别增长4.8%和«6.3%»。", subject: "农村居民人均可支配收入"),
            SubjectExample("全市城乡居民人均可支配收入分别增长5.1%、«7.2%»。", subject: "农村居民人均可支配收入", notSubject: "城乡居民人均可支配收入"),
            SubjectExample("全市城乡居民人均可支配收入增长«5.6%»。", subject: "城乡居民人均可支配收入"),
            SubjectExample("冰箱、新能源汽车销售额分别增长«12.4%»、30.1%。", subject: "冰箱销售额", notSubject: "冰箱能源汽车销售额"),
            SubjectExample("办公用品类、新能源汽车销售额分别增长12.1%和«28.7%»。", subject: "新能源汽车销售额"),
            SubjectExample("办公用品类、新能源汽车销售额分别增长«12.1%»和28.7%。", subject: "办公用品类销售额", notSubject: "新能源汽车销售额"),
            SubjectExample("三大支柱产业、装备制造业、数字经济核心产业增加值分别增长«5.2%»、7.8%、9.1%。", subject: "三大支柱产业增加值"),
            SubjectExample("三大支柱产业、装备制造业、数字经济核心产业增加值分别增长5.2%、«7.8%»、9.1%。", subject: "装备制造业增加值"),
            SubjectExample("城镇居民、农村居民人均可支配收入分别增长«3.9%»、5.8%。", subject: "城镇居民人均可支配收入", notSubject: "城镇居民居民人均可支配收入"),
            SubjectExample("2019年中、高等职业学校招生分别达到«120万人»和98万人。", notSubject: "年中"),
            SubjectExample("冰箱、手机换新数量分别居全省第3位、«第5位»。", subject: "手机换新数量"),
            SubjectExample("冰箱、手机换新数量分别居全省«第3位»、第5位。", subject: "冰箱换新数量"),
            SubjectExample("我们要为夺取«第二步»、第三步的胜利而奋斗。", notSubject: "夺取"),
            SubjectExample("其中一、二、三产增加值分别增长«2.9%»、6%、5.4%。", notSubject: "其中一增加值"),
            SubjectExample("接待游客人数和旅游收入分别增长«10.8%»、11.1%。", subject: "游客人数", notSubject: "游客人数收入"),
            SubjectExample("农村自来水普及率、规模化供水工程覆盖率分别达98%和«92%»。", subject: "规模化供水工程覆盖率"),
            SubjectExample("卫生和文化事业的支出分别为138亿元和123亿元，比上年增长«65.4%»和23.9%。", subject: "卫生事业"),
        ]),
        SubjectRuleDescription(id: "comparisonFrame", summary: "a comparing verb (高于, 快于: role comparative), or any verb before a rank, with a frame or scope after it (全国, 全省: role scope): the figure is about what stands before the verb, else about the quantity of the figure before in its sentence — never the frame", examples: [
            SubjectExample("全市工业投资增长12.5%，高于全省«3.1个百分点»。", subject: "工业投资", notSubject: "全省"),
            SubjectExample("快递业务量增长18%、高于全国平均水平«6个百分点»。", subject: "快递业务量", notSubject: "全国平均水平"),
            SubjectExample("全市快递业务量保持全省«第2位»。", subject: "快递业务量", notSubject: "全省"),
            SubjectExample("粮食产量增长3.2%，均居全国«第4位»。", subject: "粮食产量", notSubject: "全国"),
            SubjectExample("新建的物流网络覆盖全省«86个»县。", subject: "县"),
            SubjectExample("全省共有«12家»企业。", subject: "企业"),
        ]),
        SubjectRuleDescription(id: "levelAfterChange", summary: "a clause that is only a verb of reaching (突破, 达到, 增至; after ，、；) and the figure gives the level of the quantity of the figure before in its sentence", examples: [
            SubjectExample("港口集装箱吞吐量增长9%，突破«1200万标箱»。", subject: "港口集装箱吞吐量"),
            SubjectExample("新增家庭农场320家、累计达到«4100家»。", subject: "家庭农场"),
            SubjectExample("港口集装箱吞吐量增长9%，集团营收达到«85亿元»。", subject: "集团营收", notSubject: "港口集装箱吞吐量"),
        ]),
        SubjectRuleDescription(id: "nounCompounds", summary: "a verb before 主体 qualifies it (经营主体, subject-words.tsv compoundHead); a verb that names a quantity (投入: metric) heads the phrase after a noun or verb (研发投入增长), but governs an object after it (投入研发经费)", examples: [
            SubjectExample("全县经营主体达«1.2万户»。", subject: "经营主体", notSubject: "主体"),
            SubjectExample("全县主体工程完成«80%»。", notSubject: "经营主体"),
            SubjectExample("新增民宿经营主体«1500家»。", subject: "民宿经营主体"),
            SubjectExample("全社会研发投入增长«9.4%»。", subject: "全社会研发投入"),
            SubjectExample("今年财政安排科技投入«716亿元»。", subject: "科技投入", notSubject: "财政"),
            SubjectExample("企业投入研发经费«12亿元»。", subject: "研发经费"),
        ]),
        SubjectRuleDescription(id: "quotedName", summary: "a name in quotes right before the figure, with nothing after the figure in its clause, is what the figure counts, whole", examples: [
            SubjectExample("新增“中华老字号”«35家»，销售额增长。", subject: "中华老字号"),
            SubjectExample("全年建成“社区食堂”«420个»。", subject: "社区食堂"),
            SubjectExample("建成“八纵八横”«1200公里»高速铁路网。", notSubject: "八纵八横"),
        ]),
        SubjectRuleDescription(id: "levelBeforeYear", summary: "a level after a year and 的 (由2015年的38%) has the subject before the year; levels after 由/从…到 get no direction", examples: [
            SubjectExample("该市森林覆盖率由2015年的«38%»提高到去年的45.2%。", subject: "森林覆盖率"),
            SubjectExample("该市森林覆盖率由2015年的38%提高到去年的«45.2%»。", subject: "森林覆盖率"),
            SubjectExample("2015年全市人口«38万»。", subject: "人口", notSubject: "2015年全市人口"),
        ]),
        SubjectRuleDescription(id: "dimensionAfterAdverb", summary: "a dimension word (长, 宽, 高, 深, 厚, 重, 粗) after an adverb, auxiliary or conjunction, glued to it or not, is the measure's dimension; the noun before stays the subject", examples: [
            SubjectExample("这种灌木可高约«7米»。", subject: "灌木", notSubject: "灌木可高"),
            SubjectExample("这种灌木常见于山地，但常高«3米»。", subject: "高"),
            SubjectExample("这种鸟体形较大，一般长«86厘米»。", subject: "长"),
            SubjectExample("这种鸟一般长86厘米及重«1.7公斤»。", subject: "重"),
            SubjectExample("每亩能多收«100斤»。", notSubject: "多"),
            SubjectExample("叶长«5厘米»。", subject: "叶长"),
        ]),
        SubjectRuleDescription(id: "dimensionTopic", summary: "a clause of a dimension word alone and its measure (长约2厘米) measures the noun that opens the clause right before it (花梗绿色无毛，长约1.5－2厘米 → 花梗); not past that clause, nor a place, a qualifying word or a dimension of its own that opens it", examples: [
            SubjectExample("花梗绿色无毛，长约«1.5－2厘米»。", subject: "花梗", notSubject: "长"),
            SubjectExample("果柄直立粗壮，长约«3－5厘米»。", subject: "果柄", notSubject: "长"),
            SubjectExample("全桥长51米，宽«27.6米»。", subject: "宽", notSubject: "全桥长"),
            SubjectExample("这种鸟体形较大，一般长«86厘米»。", subject: "长"),
        ]),
        SubjectRuleDescription(id: "meansAmount", summary: "a figure right after the preposition 以 is the means of what follows: money is named by the verb right after it, anything else by nothing, never by the agent before 以; not 以X为Y, nor 以 inside a word (可以)", examples: [
            SubjectExample("该银行宣布以«21亿美元»并购一家本地银行。", subject: "并购", notSubject: "该银行宣布"),
            SubjectExample("他在选举中以«4,791票»的高票成功连任。", subject: nil, notSubject: "高票成功连任"),
            SubjectExample("全市以«三年»行动为牵引。", subject: "行动"),
            SubjectExample("资金到位了，所以«12所»学校都已开工。", subject: "学校"),
        ]),
        SubjectRuleDescription(id: "scoreTeams", summary: "a score (2比1) is two counts: the first is the team named before it, the second the team after the verb that follows (击败, 战胜); none without one", examples: [
            SubjectExample("他在韦斯咸«2»比1击败米尔沃尔的比赛中上阵。", subject: "韦斯咸"),
            SubjectExample("他在韦斯咸2比«1»击败米尔沃尔的比赛中上阵。", subject: "米尔沃尔"),
            SubjectExample("中国队以«3»比1战胜对手。", subject: "中国队"),
            SubjectExample("上半场比分是2比«1»。", subject: nil),
        ]),
        SubjectRuleDescription(id: "unitStartsNoun", summary: "the unit 人 that starts a noun the segmenter reads there (人口, 人民) is part of the noun counted; not where it reads 人 and a verb (100人参加)", examples: [
            SubjectExample("该郡有«769,000人»口。", subject: "人口"),
            SubjectExample("全国«六亿人»民团结一心。", subject: "人民"),
            SubjectExample("全县«3000人»参加了比赛。", notSubject: "人参"),
        ]),
        SubjectRuleDescription(id: "qualifierBeforeDe", summary: "after the figure, a word that only qualifies (jieba's b: 私营, 国有) before 的 names nothing: the noun after 的 is the head", examples: [
            SubjectExample("它是越南«第二大»私营的商业银行。", subject: "商业银行", notSubject: "私营"),
            SubjectExample("全县建成«12个»示范村的道路。", notSubject: "道路"),
        ]),
        SubjectRuleDescription(id: "countRangeNounAfter", summary: "a range of a count unit (2-3只, 两三头) counts the noun after it, as a count does; a range of a measure or of years does not", examples: [
            SubjectExample("雌鸡每次会生«2-3只»蛋。", subject: "蛋", notSubject: "会生"),
            SubjectExample("每户养殖«两三头»肉牛。", subject: "肉牛", notSubject: "养殖"),
            SubjectExample("每个开发区做大«1—2个»主导产业。", subject: "主导产业"),
            SubjectExample("改造后的路段长«3至5公里»。", subject: "路段"),
        ]),
        SubjectRuleDescription(id: "yearInsideClause", summary: "a year or date between the subject and its predicate (在2023年, 于2004年, 2004年) leaves the subject before it, when the stretch after the year names nothing", examples: [
            SubjectExample("该市地区生产总值在2023年首次突破«1万亿元»。", subject: "地区生产总值"),
            SubjectExample("国民生产总值于2004年连续超过«百分之五»。", subject: "国民生产总值"),
            SubjectExample("全省粮食产量2023年达到«700亿斤»。", subject: "粮食产量"),
            SubjectExample("该公司营业收入于2021-2023年间连续增长«10%»。", subject: "公司营业收入"),
            SubjectExample("该县在2023年新建产业园区«5个»。", subject: "产业园区", notSubject: "该县"),
            SubjectExample("农业总产值从2018年到2022年的«五年间»平均每年增长4%。", subject: nil, notSubject: "农业总产值"),
        ]),
        SubjectRuleDescription(id: "havingQualifiedNoun", summary: "after a verb of having (共有, 现有), a verb first before the head noun qualifies it (留守儿童); after other verbs it is the verb's (新建改建学校 → 学校); an indicator verb between nouns is the predicate before a thing (交通部门新增公交线路 → 公交线路) but names an activity (城镇新增就业)", examples: [
            SubjectExample("全镇共有留守儿童«1200余名»。", subject: "留守儿童", notSubject: "儿童"),
            SubjectExample("全年新建改建学校«38所»。", subject: "学校"),
            SubjectExample("交通部门新增公交线路«12条»。", subject: "公交线路", notSubject: "交通部门新增公交线路"),
            SubjectExample("城镇新增就业«1200万人»。", subject: "城镇新增就业"),
        ]),
        SubjectRuleDescription(id: "quantityNameBeforeVerb", summary: "of verbs in a row before the figure the first governs, but never past a word that names a quantity (收入, 投资: role metric), which the lexicon may tag a verb", examples: [
            SubjectExample("一般公共预算收入完成«185亿元»。", subject: "一般公共预算收入", notSubject: "一般公共"),
            SubjectExample("全年发放救助资金«3000万元»。", subject: "救助资金"),
            SubjectExample("警方依法冻结涉案资金«一千余万元»。", subject: "涉案资金", notSubject: "警方依法冻结涉案资金"),
        ]),
        SubjectRuleDescription(id: "oneCharacterPredicate", summary: "one verb character with an aspect particle (了, 过) between the noun and the figure is the predicate (葡萄卖了), not part of a name (西安站, 赤字率 keep theirs); a verb or adjective right before a number or time (连续9年) qualifies it on the way to a rank's topic", examples: [
            SubjectExample("今年村里的葡萄卖了«80多万元»。", subject: "葡萄", notSubject: "葡萄卖"),
            SubjectExample("我国新能源汽车产销量已连续9年位居全球«第一»。", subject: "新能源汽车产销量", notSubject: "连续"),
            SubjectExample("专题调研视察«48项»。", subject: "专题调研视察"),
            SubjectExample("赤字率拟按«3%»左右安排。", subject: "赤字率"),
        ]),
        SubjectRuleDescription(id: "amountWithItsVerb", summary: "an amount word alone (金额, 总额) names nothing: the verb right before it is part of the name (签约金额)", examples: [
            SubjectExample("会上8家企业现场签约，签约金额达«15.6亿元»。", subject: "签约金额", notSubject: "金额"),
            SubjectExample("全年完成投资«3000亿元»。", subject: "投资"),
        ]),
        SubjectRuleDescription(id: "genreVerbInQuantityName", summary: "a genre verb between nouns does not govern when the noun after it ends like a quantity's name (率, 额, 度) and is no verb itself: 研发经费投入强度; 带动消费 still governs", examples: [
            SubjectExample("研发经费投入强度达到«2.8%»。", subject: "研发经费投入强度", notSubject: "强度"),
            SubjectExample("以旧换新带动消费«188亿元»。", subject: "消费"),
            SubjectExample("10月份CPI环比上涨«0.2%»。", subject: "CPI", notSubject: "CPI环比"),
            SubjectExample("招聘会提供岗位«4.5万个»。", subject: "岗位", notSubject: "提供岗位"),
        ]),
        SubjectRuleDescription(id: "ageWithoutSubject", summary: "an age (岁, 周岁) has no subject (GUIDELINE): the person before it is not what is measured", examples: [
            SubjectExample("老党员王大爷今年«86岁»。", subject: nil, notSubject: "老党员王大爷"),
            SubjectExample("大桥全长«2.1公里»。", subject: "大桥全长"),
        ]),
        SubjectRuleDescription(id: "labelColon", summary: "a figure right after the colon of a short label is about the label (全程：$18), not the noun after it", examples: [
            SubjectExample("全程：«$18»乘客登上本线后可免费转乘。", subject: "全程", notSubject: "乘客"),
            SubjectExample("主要指标完成情况：全年粮食产量«650万吨»。", subject: "粮食产量"),
        ]),
        SubjectRuleDescription(id: "listItemTail", summary: "a phrase never starts inside a list item: a lone character before 、 cut off by a verb is dropped, and a phrase cut at 16 characters starts after a 、 or 和", examples: [
            SubjectExample("学校设有心理团体活动室、心理放松室、团体心理辅导室各«1间»。", subject: "团体心理辅导室", notSubject: "室、团体心理辅导室"),
            SubjectExample("毛、麻纺锭«七千三百三十枚»。", subject: "毛、麻纺锭"),
        ]),
        // Fifth round (issue 17): families of wrong subjects on a blind set of news and report sections, as sentences of our own.
        SubjectRuleDescription(id: "splitCompoundStart", summary: "the left edge of a name is not where the segmenter cut a word in two: a lone character that makes a dictionary word with the next word's first character (越冬候鸟: 越冬), a threshold between words (规模以上工业, 本科以上学历), an adverb tag between modifiers and a known noun (超长期特别国债) and a verb before a lone noun character (营造林) are inside the name", examples: [
            SubjectExample("今年越冬候鸟达«3万只»。", subject: "越冬候鸟", notSubject: "冬候鸟"),
            SubjectExample("全省规模以上工业增加值增长«7%»。", subject: "规模以上工业增加值", notSubject: "工业增加值"),
            SubjectExample("本科以上学历教师比例达«85%»。", subject: "本科以上学历教师比例", notSubject: "以上学历教师比例"),
            SubjectExample("发行超长期特别国债«1万亿元»。", notSubject: "国债"),
            SubjectExample("完成营造林面积«120万亩»。", subject: "营造林面积", notSubject: "林面积"),
            SubjectExample("全年生鲜乳产量达到«400万吨»。", subject: "生鲜乳产量"),
            SubjectExample("提升村卫生室«3500所»。", subject: "村卫生室", notSubject: "提升村卫生室"),
            SubjectExample("印尼经济一直有著«7%»的增长。", notSubject: "印尼经济一直有著"),
            SubjectExample("城镇新增就业«1200万人»以上。", subject: "城镇新增就业"),
            SubjectExample("与法国等«60个»国家签署协议。", subject: "国家"),
        ]),
        SubjectRuleDescription(id: "predicateAfterQuantityName", summary: "a verb right before the figure after the name of a quantity (跨越, 迈上: a verb character and its result) is the predicate, not the name's end; a genre verb after nouns that follow another verb (安排省级预算内投资) is that verb's object", examples: [
            SubjectExample("全市经济总量跨越«8万亿元»。", subject: "经济总量", notSubject: "经济总量跨越"),
            SubjectExample("全省地区生产总值迈上«6万亿元»。", subject: "地区生产总值", notSubject: "地区生产总值迈上"),
            SubjectExample("安排省级预算内投资«180亿元»。", subject: "省级预算内投资", notSubject: "省级预算内"),
            SubjectExample("专题调研视察«48项»。", subject: "专题调研视察"),
            SubjectExample("全年完成投资«3000亿元»。", subject: "投资"),
            SubjectExample("预计全省地区生产总值迈上«14万亿元»新台阶。", subject: "地区生产总值", notSubject: "新台阶"),
            SubjectExample("城镇居民人均生活费收入«3179元»。", subject: "城镇居民人均生活费收入"),
        ]),
        SubjectRuleDescription(id: "rankScope", summary: "the scope of a rank (全国 after 居, 在全香港) is where it ranks, not what: the subject is the noun phrase before the rank verb and its preposition", examples: [
            SubjectExample("全省外贸规模居全国«第二»。", subject: "外贸规模", notSubject: "全国"),
            SubjectExample("所得的票数在全香港排名«第二»。", subject: "票数", notSubject: "全香港"),
            SubjectExample("该市经济总量位居全国城市«第四位»。", subject: "经济总量", notSubject: "全国城市"),
            SubjectExample("在全省县域经济综合排名中，该县位列«第五»。", subject: nil, notSubject: "位列"),
        ]),
        SubjectRuleDescription(id: "countedNounStopsAtPredicate", summary: "after the counted noun, a word the lexicon lacks that starts with a verb, adverb or connective (退捕), or a set phrase that starts with an adverb or connective (同时在线), or a locative and a verb (中有), starts the predicate; set phrases that start with a verb character name things (候补委员)", examples: [
            SubjectExample("全县«1200余户»渔民退捕上岸。", subject: "渔民", notSubject: "渔民退捕"),
            SubjectExample("平台上«十几名»主播同时在线。", subject: "主播", notSubject: "主播同时在线"),
            SubjectExample("他是中共«第十七届»中央候补委员。", notSubject: "中央"),
            SubjectExample("«3万余户»受灾群众住进新居。", subject: "受灾群众"),
            SubjectExample("«128篇»评论中有一半是好评。", subject: "评论", notSubject: "评论中有"),
            SubjectExample("安排«200亿元»民营中小微企业贷款。", notSubject: "民营"),
        ]),
        SubjectRuleDescription(id: "shareOfWhole", summary: "a share (比重, 比例, 份额) named as A占B比重 is the whole phrase, the part and the whole: never the whole alone (地区生产总值比重)", examples: [
            SubjectExample("数字经济核心产业增加值占地区生产总值比重达«12%»。", subject: "数字经济核心产业增加值占地区生产总值比重", notSubject: "地区生产总值比重"),
            SubjectExample("民营经济占全省经济的比重超过«60%»。", subject: "民营经济占全省经济的比重"),
            SubjectExample("服务业增加值比重达到«55%»。", subject: "服务业增加值比重"),
            SubjectExample("国防费在国家支出预算中所占的比重为«19.98%»。", notSubject: "预算中所占的比重"),
        ]),
        SubjectRuleDescription(id: "conjunctionStartsName", summary: "a one-character conjunction with nothing before it to join, before a lone character and a noun, starts a name the segmenter split (和美乡村)", examples: [
            SubjectExample("建成和美乡村示范村«120个»。", subject: "和美乡村示范村", notSubject: "美乡村示范村"),
            SubjectExample("新建学校和医院«12所»。", subject: "学校和医院"),
        ]),
    ]
}
