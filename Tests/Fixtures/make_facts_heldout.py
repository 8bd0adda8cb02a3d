#!/usr/bin/env python3
"""Builds facts_heldout.jsonl: original news and work-report sentences written for this project (not
taken from any newspaper or report), annotated by hand under ../shared/eval/facts/GUIDELINE.md. Each
figure is given by its text and, when the text occurs more than once, its occurrence (0-based).

    python3 Tests/Fixtures/make_facts_heldout.py    # rewrites Tests/Fixtures/facts_heldout{,_b,_c}.jsonl
    python3 ../shared/eval/facts/score.py Tests/Fixtures/facts_heldout.jsonl .build/release/analyze
    python3 ../shared/eval/facts/score.py Tests/Fixtures/facts_heldout_b.jsonl .build/release/analyze
"""
import json, os

Q = "actual"
T = "target"
def f(text, kind, value=None, unit=None, subject=None, n=0, **extra):
    return dict(text=text, kind=kind, value=value, unit=unit, subject=subject, n=n, **extra)

docs = [
 ("report-targets",
  "今年发展主要预期目标是：国内生产总值增长5%左右；城镇新增就业1200万人以上，城镇调查失业率5.5%左右；居民消费价格涨幅3%左右。赤字率拟按4%左右安排，赤字规模4.06万亿元。拟安排地方政府专项债券4.4万亿元。",
  [f("5%", "percent", 5, "%", ["国内生产总值"], approximate=True, direction="up", modality=T),
   f("1200万人", "count", 12000000, "人", ["城镇新增就业"], atLeast=True, modality=T),
   f("5.5%", "percent", 5.5, "%", ["城镇调查失业率"], approximate=True, modality=T),
   f("3%", "percent", 3, "%", ["居民消费价格涨幅", "涨幅"], approximate=True, modality=T),
   f("4%", "percent", 4, "%", ["赤字率"], approximate=True, modality=T),
   f("4.06万亿元", "money", 4.06e12, "元", ["赤字规模"], modality=T),
   f("4.4万亿元", "money", 4.4e12, "元", ["地方政府专项债券", "专项债券"], modality=T)]),
 ("report-review",
  "过去一年，全市地区生产总值达到3.2万亿元，比上年增长5.2%。全年新增减税降费超过420亿元，新建改建学校38所，新增学位4.6万个。平台已孵化出7家上市企业，累计吸引投资近300亿元。",
  [f("3.2万亿元", "money", 3.2e12, "元", ["地区生产总值", "全市地区生产总值"], modality=Q),
   f("5.2%", "percent", 5.2, "%", ["地区生产总值", "全市地区生产总值"], direction="up", modality=Q),
   f("420亿元", "money", 4.2e10, "元", ["减税降费", "新增减税降费"], atLeast=True, modality=Q),
   f("38所", "count", 38, "所", ["学校", "新建改建学校"], modality=Q),
   f("4.6万个", "count", 46000, "个", ["学位", "新增学位"], modality=Q),
   f("7家", "count", 7, "家", ["上市企业"], modality=Q),
   f("近300亿元", "money", 3e10, "元", ["投资"], approximate=True, modality=Q)]),
 ("news-survey",
  "调查显示，43%的受访者表示今年会增加旅游支出，另有两成受访者持观望态度。该中心共收到问卷2.1万份，其中有效问卷1.8万份。",
  [f("43%", "percent", 43, "%", ["受访者"], modality=Q),
   f("两成", "percent", 20, ["成", "%"], ["受访者"], modality=Q),
   f("2.1万份", "count", 21000, "份", ["问卷"], modality=Q),
   f("1.8万份", "count", 18000, "份", ["有效问卷"], modality=Q)]),
 ("news-diplomacy",
  "截至目前，我国已与法国等60个国家签署引渡条约。剔除能源和食品价格的核心通胀率为5.3%，比上月回落0.2个百分点。",
  [f("60个", "count", 60, "个", ["国家"], modality=Q),
   f("5.3%", "percent", 5.3, "%", ["核心通胀率"], modality=Q),
   f("0.2个百分点", "percent", 0.2, "个百分点", ["核心通胀率"], direction="down", modality=Q)]),
 ("news-shop",
  "记者走进一家店铺，店主说每天要接待七八个旅行团，周末能卖出三四百件。这位老人今年七十多岁，在这条街上开店已有20多年。",
  [f("七八个", "range", None, "个", ["旅行团"], low=7, high=8, modality=Q),
   f("三四百件", "range", None, "件", [None, "件"], low=300, high=400, modality=Q),
   f("七十多岁", ["duration", "measure"], 70, "岁", None, approximate=True, modality=Q),
   f("20多年", "duration", 20, "年", None, approximate=True, modality=Q)]),
 ("news-compute",
  "我国算力总规模位居全球第二，数据中心机架超过760万架。该超级计算机峰值速度达到每秒12.5亿亿次，单次推理延迟低于30毫秒。",
  [f("第二", "ordinal", 2, None, ["算力总规模"]),
   f("760万架", "count", 7600000, "架", ["数据中心机架", "机架"], atLeast=True, modality=Q),
   f("每秒12.5亿亿次", ["measure", "count"], 1.25e17, ["次/秒", "次"], ["峰值速度"], modality=Q),
   f("30毫秒", ["duration", "measure"], 30, "毫秒", ["推理延迟", "单次推理延迟"], atMost=True, modality=Q)]),
 ("news-history",
  "这座老厂房建于20世纪70年代，上世纪90年代末停产。7月31日上午，数千名观众来到现场，参观持续了3个小时。",
  [f("20世纪70年代", ["year", "range"], None, ["年代", None], None, low=1970, high=1979),
   f("90年代", ["year", "range"], None, ["年代", None], None, low=1990, high=1999),
   f("7月31日", "date", 731, [None, "日"], None),
   f("数千名", "count", 1000, "名", ["观众"], approximate=True, modality=Q),
   f("3个小时", "duration", 3, ["个小时", "小时"], None, modality=Q)]),
 ("report-plan",
  "力争到2027年，全省新能源汽车产量突破150万辆，充电桩总数不少于50万个。计划新建5G基站1.2万个，工业互联网平台连接设备数翻一番。",
  [f("2027年", "year", 2027, ["年", None], None),
   f("150万辆", "count", 1500000, "辆", ["新能源汽车产量", "全省新能源汽车产量"], modality=T),
   f("50万个", "count", 500000, "个", ["充电桩总数", "充电桩"], atLeast=True, modality=T),
   f("1.2万个", "count", 12000, "个", ["5G基站", "基站"], modality=T),
   f("翻一番", "number", 2, ["番", None], ["工业互联网平台连接设备数", "连接设备数"], direction="up", modality=T)]),
 ("news-price",
  "当地居民用电价格为0.56元/千瓦时，较去年下调0.02元。受访商户中，近六成表示营业额有所增长，约三成持平。",
  [f("0.56元/千瓦时", "money", 0.56, ["元/千瓦时"], ["居民用电价格", "用电价格"], modality=Q),
   f("0.02元", "money", 0.02, "元", ["居民用电价格", "用电价格"], direction="down", modality=Q),
   f("近六成", "percent", 60, ["成", "%"], ["受访商户", "商户"], approximate=True, modality=Q),
   f("三成", "percent", 30, ["成", "%"], ["受访商户", "商户"], approximate=True, modality=Q)]),
 ("news-sports",
  "中国队以3比1战胜对手，时隔8年再次进入四强。本届赛事吸引了来自32个国家和地区的1500余名运动员参赛。",
  [f("3", "count", 3, None, None, modality=Q),
   f("1", "count", 1, None, None, modality=Q),
   f("8年", "duration", 8, "年", None, modality=Q),
   f("四强", "ordinal", 4, "强", None, atMost=True),
   f("32个", "count", 32, "个", ["国家和地区", "国家"], modality=Q),
   f("1500余名", "count", 1500, "名", ["运动员"], approximate=True, modality=Q)]),
 ("report-people",
  "全年帮扶困难群众12.6万人次，发放救助资金3.8亿元。城镇新增就业11.2万人，城镇登记失业率控制在3%以内。",
  [f("12.6万人次", "count", 126000, "人次", ["困难群众"], modality=Q),
   f("3.8亿元", "money", 3.8e8, "元", ["救助资金"], modality=Q),
   f("11.2万人", "count", 112000, "人", ["城镇新增就业"], modality=Q),
   f("3%", "percent", 3, "%", ["城镇登记失业率"], atMost=True, modality=Q)]),
 ("news-tourism",
  "假期首日，景区接待游客上万人次，超百场文艺演出轮番上演。一位游客说，这是她第一次来到这座城市。",
  [f("上万人次", "count", 10000, "人次", ["游客"], approximate=True, modality=Q),
   f("超百场", "count", 100, "场", ["文艺演出"], atLeast=True, modality=Q),
   f("第一次", "ordinal", 1, "次", None)]),
]

docs_b = [
 ("b-report-goals",
  "主要预期目标是：全省生产总值增长6%左右，一般公共预算收入增长5%，城镇新增就业70万人以上，粮食产量稳定在700亿斤以上。",
  [f("6%", "percent", 6, "%", ["全省生产总值", "生产总值"], approximate=True, direction="up", modality=T),
   f("5%", "percent", 5, "%", ["一般公共预算收入", "公共预算收入"], direction="up", modality=T),
   f("70万人", "count", 700000, "人", ["城镇新增就业"], atLeast=True, modality=T),
   f("700亿斤", ["measure", "count"], 7e10, "斤", ["粮食产量"], atLeast=True, modality=T)]),
 ("b-report-done",
  "一年来，我们新建改造农村公路1.2万公里，建成5G基站3.6万个，培育国家级专精特新企业120家。全市居民人均可支配收入达到4.8万元，比上年增长6.1%。",
  [f("1.2万公里", "measure", 12000, "公里", ["农村公路"], modality=Q),
   f("3.6万个", "count", 36000, "个", ["5G基站", "基站"], modality=Q),
   f("120家", "count", 120, "家", ["国家级专精特新企业", "专精特新企业", "企业"], modality=Q),
   f("4.8万元", "money", 48000, "元", ["居民人均可支配收入", "全市居民人均可支配收入", "人均可支配收入"], modality=Q),
   f("6.1%", "percent", 6.1, "%", ["居民人均可支配收入", "全市居民人均可支配收入", "人均可支配收入"], direction="up", modality=Q)]),
 ("b-news-market",
  "节日期间，全市重点商圈客流量超过500万人次，同比增长12.3%。一位店主告诉记者，她的店里每天要卖出两三百杯奶茶。",
  [f("500万人次", "count", 5e6, "人次", ["重点商圈客流量", "客流量"], atLeast=True, modality=Q),
   f("12.3%", "percent", 12.3, "%", ["重点商圈客流量", "客流量"], direction="up", modality=Q),
   f("两三百杯", "range", None, "杯", ["奶茶"], low=200, high=300, modality=Q)]),
 ("b-news-science",
  "该望远镜口径达到500米，可观测到距离地球约137亿光年的天体。项目团队由40余名科研人员组成，平均年龄不到35岁。",
  [f("500米", "measure", 500, "米", ["口径", "望远镜口径"], modality=Q),
   f("137亿光年", "measure", 1.37e10, "光年", ["距离"], approximate=True, modality=Q),
   f("40余名", "count", 40, "名", ["科研人员"], approximate=True, modality=Q),
   f("35岁", ["duration", "measure"], 35, "岁", [None, "平均年龄"], atMost=True, modality=Q)]),
 ("b-news-history",
  "这条老街形成于19世纪末，20世纪30年代最为繁华。1949年10月1日，开国大典在天安门广场举行。",
  [f("19世纪", ["year", "range"], None, ["世纪", None], None, low=1801, high=1900),
   f("20世纪30年代", ["year", "range"], None, ["年代", None], None, low=1930, high=1939),
   f("1949年10月1日", "date", 19491001, [None, "日"], None)]),
 ("b-report-plan",
  "计划到2026年底，全市新增公共停车泊位2万个，改造老旧小区300个以上，力争数字经济核心产业增加值占地区生产总值比重达到12%。",
  [f("2026年", "year", 2026, ["年", None], None),
   f("2万个", "count", 20000, "个", ["公共停车泊位", "停车泊位"], modality=T),
   f("300个", "count", 300, "个", ["老旧小区"], atLeast=True, modality=T),
   f("12%", "percent", 12, "%", ["数字经济核心产业增加值占地区生产总值比重", "比重"], modality=T)]),
 ("b-news-people",
  "比赛吸引了上千名跑者参加，其中年龄最大的一位选手已经72岁。一名志愿者说，这是她连续第五年参与服务。",
  [f("上千名", "count", 1000, "名", ["跑者"], approximate=True, modality=Q),
   f("72岁", ["duration", "measure"], 72, "岁", None, modality=Q),
   f("第五年", "ordinal", 5, "年", None)]),
 ("b-news-trade",
  "前三季度，我国货物贸易进出口总值32.8万亿元人民币，其中出口18.6万亿元，进口14.2万亿元，贸易顺差4.4万亿元。",
  [f("三季度", ["duration", "ordinal"], 3, ["季度", "个季度", None], None, atMost=True),
   f("32.8万亿元", "money", 3.28e13, "元", ["货物贸易进出口总值", "进出口总值"], modality=Q),
   f("18.6万亿元", "money", 1.86e13, "元", ["出口"], modality=Q),
   f("14.2万亿元", "money", 1.42e13, "元", ["进口"], modality=Q),
   f("4.4万亿元", "money", 4.4e12, "元", ["贸易顺差"], modality=Q)]),
]

# Set C: written for the subject rules of the second round of issue 17 (news features and work-report
# paragraphs), before those rules, without reading the analyzer's output on it. A date and a time of day
# joined (7月28日下午3时许) are one date; its value is the day's yyyymmdd (the time is not in the value).
docs_c = [
 ("c-news-tea",
  "凌晨5时许，茶农们就背着竹篓上山了。村里的带货主播王丽每天直播3个小时，春茶最多时一天卖出800多斤。今年全村茶叶销售额达到6000万元，比去年增长15%。“过去卖茶难在‘最后一公里’，现在快递进了村。”王丽说，她家每一片茶叶都要手工挑拣。",
  [f("凌晨5时", "date", 500, None, None),
   f("3个小时", "duration", 3, ["个小时", "小时"], None, modality=Q),
   f("800多斤", ["measure", "count"], 800, "斤", ["春茶"], approximate=True, modality=Q),
   f("6000万元", "money", 6e7, "元", ["茶叶销售额", "全村茶叶销售额"], modality=Q),
   f("15%", "percent", 15, "%", ["茶叶销售额", "全村茶叶销售额"], direction="up", modality=Q)]),
 ("c-news-graduate",
  "2019年，李晓东大学毕业后回到家乡，承包了120亩荒山种茶。五年来，他带动周边40多户农户种茶，户均年收入超过8万元。",
  [f("2019年", "year", 2019, ["年", None], None),
   f("120亩", "measure", 120, "亩", ["荒山"], modality=Q),
   f("五年来", "duration", 5, "年", None, modality=Q),
   f("40多户", "count", 40, "户", ["农户", "周边农户"], approximate=True, modality=Q),
   f("8万元", "money", 80000, "元", ["户均年收入", "年收入"], atLeast=True, modality=Q)]),
 ("c-report-agri",
  "过去一年，全县粮食播种面积稳定在85万亩以上，粮食总产量达到6.2亿斤。新建高标准农田12万亩，培育县级以上农业产业化龙头企业36家。农村居民人均可支配收入2.1万元，增长7.5%。",
  [f("85万亩", "measure", 850000, "亩", ["粮食播种面积", "全县粮食播种面积"], atLeast=True, modality=Q),
   f("6.2亿斤", ["measure", "count"], 6.2e8, "斤", ["粮食总产量"], modality=Q),
   f("12万亩", "measure", 120000, "亩", ["高标准农田"], modality=Q),
   f("36家", "count", 36, "家", ["农业产业化龙头企业", "县级以上农业产业化龙头企业", "龙头企业"], modality=Q),
   f("2.1万元", "money", 21000, "元", ["农村居民人均可支配收入", "人均可支配收入"], modality=Q),
   f("7.5%", "percent", 7.5, "%", ["农村居民人均可支配收入", "人均可支配收入"], direction="up", modality=Q)]),
 ("c-report-targets",
  "今年全县经济社会发展的主要预期目标是：地区生产总值增长6.5%左右，规模以上工业增加值增长8%，固定资产投资增长10%以上，城镇登记失业率控制在4%以内，单位地区生产总值能耗下降3%。",
  [f("6.5%", "percent", 6.5, "%", ["地区生产总值"], approximate=True, direction="up", modality=T),
   f("8%", "percent", 8, "%", ["规模以上工业增加值", "工业增加值"], direction="up", modality=T),
   f("10%", "percent", 10, "%", ["固定资产投资"], atLeast=True, direction="up", modality=T),
   f("4%", "percent", 4, "%", ["城镇登记失业率"], atMost=True, modality=T),
   f("3%", "percent", 3, "%", ["单位地区生产总值能耗", "能耗"], direction="down", modality=T)]),
 ("c-news-flood",
  "7月28日下午3时许，受强降雨影响，河水水位快速上涨。当地紧急转移群众1.6万人，调派冲锋舟42艘。截至29日20时，已有近3000名救援人员投入抢险。",
  [f("7月28日下午3时", "date", 728, None, None),
   f("1.6万人", "count", 16000, "人", ["群众"], modality=Q),
   f("42艘", "count", 42, "艘", ["冲锋舟"], modality=Q),
   f("29日20时", "date", 29, None, None),
   f("近3000名", "count", 3000, "名", ["救援人员"], approximate=True, modality=Q)]),
 ("c-news-consumer",
  "国家统计局发布的数据显示，10月份社会消费品零售总额4.6万亿元，同比增长4.8%。其中，网上零售额1.3万亿元，占比接近三成。",
  [f("10月份", "date", 1000, [None, "月", "月份"], None),
   f("4.6万亿元", "money", 4.6e12, "元", ["社会消费品零售总额"], modality=Q),
   f("4.8%", "percent", 4.8, "%", ["社会消费品零售总额"], direction="up", modality=Q),
   f("1.3万亿元", "money", 1.3e12, "元", ["网上零售额"], modality=Q),
   f("三成", "percent", 30, ["成", "%"], ["网上零售额", "占比"], approximate=True, modality=Q)]),
 ("c-news-school",
  "开学当天，记者来到一所乡村小学。这所学校共有学生260名，教师18人，其中11人是35岁以下的年轻教师。学校今年新建了一座图书馆，藏书超过1.5万册。",
  [f("260名", "count", 260, "名", ["学生"], modality=Q),
   f("18人", "count", 18, "人", ["教师"], modality=Q),
   f("11人", "count", 11, "人", ["年轻教师", "教师"], modality=Q),
   f("35岁", ["duration", "measure"], 35, "岁", None, atMost=True),
   f("1.5万册", "count", 15000, "册", ["藏书"], atLeast=True, modality=Q)]),
 ("c-report-industry",
  "全市规模以上工业企业达到1860家，其中高新技术企业620家。全年完成技术合同成交额95亿元，新增发明专利授权2300件。新能源汽车产量达到32万辆，同比增长35.6%。",
  [f("1860家", "count", 1860, "家", ["规模以上工业企业", "工业企业"], modality=Q),
   f("620家", "count", 620, "家", ["高新技术企业"], modality=Q),
   f("95亿元", "money", 9.5e9, "元", ["技术合同成交额"], modality=Q),
   f("2300件", "count", 2300, "件", ["发明专利授权", "新增发明专利授权", "发明专利"], modality=Q),
   f("32万辆", "count", 320000, "辆", ["新能源汽车产量"], modality=Q),
   f("35.6%", "percent", 35.6, "%", ["新能源汽车产量"], direction="up", modality=Q)]),
 ("c-news-games",
  "第十五届全运会群众赛事活动共设置23个大项，吸引了来自全国各地的1.2万余名运动员报名。开幕式将于11月9日晚8时举行，预计现场观众约4万人。",
  [f("第十五届", "ordinal", 15, ["届", None], ["全运会", "全运会群众赛事活动"]),
   f("23个", "count", 23, "个", ["大项"], modality=Q),
   f("1.2万余名", "count", 12000, "名", ["运动员"], approximate=True, modality=Q),
   f("11月9日晚8时", "date", 1109, None, None),
   f("4万人", "count", 40000, "人", ["现场观众"], approximate=True, modality=T)]),
 ("c-news-elevator",
  "为鼓励老旧小区加装电梯，市里出台补贴政策，每部电梯最多可获补贴20万元。目前全市已有两个区开展试点，两区共完成加装电梯560部。",
  [f("20万元", "money", 200000, "元", ["补贴"], atMost=True),
   f("两个区", "count", 2, "个", ["区"], modality=Q),
   f("560部", "count", 560, "部", ["电梯", "加装电梯"], modality=Q)]),
]

def build(documents):
    out = []
    for doc_id, text, facts in documents:
        gold = []
        for fact in facts:
            fact = dict(fact)
            n = fact.pop("n")
            start = -1
            for _ in range(n + 1):
                start = text.index(fact["text"], start + 1)
            fact["start"], fact["end"] = start, start + len(fact["text"])
            if fact.get("low") is not None: fact["value"] = None
            gold.append(fact)
        gold.sort(key=lambda g: g["start"])
        out.append({"id": doc_id, "text": text, "source": "written for this project", "licence": "same as the project", "facts": gold})
    return out

# Set A was scored, and its errors read, while the analyzer was being improved; set B was written
# after that, and scored only for the final figures.
for name, documents in (("facts_heldout.jsonl", docs), ("facts_heldout_b.jsonl", docs_b), ("facts_heldout_c.jsonl", docs_c)):
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), name)
    out = build(documents)
    with open(path, "w", encoding="utf-8") as handle:
        for doc in out:
            handle.write(json.dumps(doc, ensure_ascii=False) + "\n")
    print(f"{len(out)} documents, {sum(len(d['facts']) for d in out)} figures -> {path}")
