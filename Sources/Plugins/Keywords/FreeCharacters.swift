import AnalyticsCore

/// Single Han characters that stand free beside a word: function words, measure words, numerals,
/// directions, and the productive prefixes and suffixes of the genre (新, 省, 型, 化…). Any other
/// single character the segmenter leaves beside a word (亚 in 亚投行, 达 in 拉塞达) is bound: a word
/// glued to one in every occurrence is a piece of a longer unit (`KeywordTerms.applyGlue`). Free
/// characters are also never part of a discovered phrase's edge or inside (like stop words).
enum FreeCharacters {
    static let list = """
    的地得了着过之其所和与及或而并且但也都就又还再更最很太极较不没未无非别已曾正在于以为对向从自由到给把被让使将要会能可须应该当\
    是有即乃则若如同跟比按据经随至等每各某本此这那诸另全整满半双单多少几余些个位名项条次件种类批家座处间场届年月日天时周季期代号\
    元亿万千百十零一二三四五六七八九两第上下中内外前后里左右东西南北省市县区乡镇村州国党新老大小高低长短好重强优深广远近快慢早晚总\
    副主首初末旧型性化者员界率度量业式点面体制法费税价款金额权网站局厅部委办院室队团校馆园港厂店路街桥人们生工农商学医药文艺军警\
    做用看说讲想抓建推促保稳提降增减扩加补育治管改搞干拿走来去出进回起开关成变作称叫算
    """

    static let all: Set<Unicode.Scalar> = Set(list.unicodeScalars.filter { ScriptClass.isHan($0) })
}
