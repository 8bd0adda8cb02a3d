#!/usr/bin/env python3
"""Ranks of formulations in their first year's `new` list (issue 19), State Council reports 2004-2025.

Usage: scripts/check-trends-new.py [ANALYZE_BINARY] [--top N]   (no packages needed)
The first year of each formulation is found by string search. Three lists:
  test  - TrendsCorpusTests' list
  extra - the ten checked after the test list (docs/trends.md)
  held  - five picked 2026-11-29 BEFORE the persistence change, as a generalisation check
  fresh - five more picked 2026-11-29 (session 19b) BEFORE the fragment/generic-combination change
  s16   - ten picked 2026-11-29 23:50 UTC (session s19) BEFORE that session's changes, by reading the
          State Council reports' quoted terms and their X改革 / X攻坚 / X经济 / 新X stretches with a string
          search (first year, count, later years), not our output; spread 2006-2025. Frozen.
Prints each rank (of the first 300) and the top N of `new` for a few years to read for junk.
"""
import json, os, subprocess, sys

TEST = ["新质生产力", "超长期特别国债", "人工智能+", "中国式现代化", "两个确立", "新发展格局", "碳达峰", "高质量发展",
        "乡村振兴", "供给侧结构性改革", "一带一路", "新常态", "新发展理念", "三去一降一补", "放管服", "十四五",
        "全国统一大市场", "新型举国体制", "专精特新", "营改增", "三大攻坚战", "战略性新兴产业", "六稳", "六保"]
EXTRA = ["大众创业", "互联网+", "人类命运共同体", "低空经济", "工匠精神", "数字中国", "三期叠加", "获得感", "国内大循环", "银发经济"]
HELD = ["蓝天保卫战", "分享经济", "平台经济", "跨省通办", "投资于人"]  # chosen before changing anything
FRESH = ["精准扶贫", "中国制造2025", "脱贫攻坚", "数字经济", "一网通办"]  # frozen: chosen before the next change
# frozen 2026-11-29 23:50 UTC, chosen by string search before session s19 changed any code (see above)
S16 = ["社会主义新农村", "节能减排", "医药卫生体制改革", "家电下乡", "新型城镇化", "僵尸企业", "厕所革命", "揭榜挂帅",
       "新三样", "冰雪经济"]

root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
binary = sys.argv[1] if len(sys.argv) > 1 and not sys.argv[1].startswith("--") else os.path.join(root, ".build/release/analyze")
top = int(sys.argv[sys.argv.index("--top") + 1]) if "--top" in sys.argv else 10
reports = os.path.join(root, "..", "shared/eval/corpus/reports")
files = [os.path.join(reports, f"cn_statecouncil_gwr_{y}.txt") for y in range(2004, 2026)]
files = [f for f in files if os.path.exists(f)]
out = subprocess.run([binary, "--format", "json", "--plugins", "keywords,slogans", "--option", "trends.per-document=300"] + files, capture_output=True, check=True).stdout
trends = json.loads(out)["corpus"]["trends"]
docs = trends["documents"]
texts = [open(d["source"], encoding="utf-8").read() for d in docs]
years = [d["date"][:4] for d in docs]
new = {n["document"]: n["terms"] for n in trends["new"]}
for name, terms in (("test", TEST), ("extra", EXTRA), ("held", HELD), ("fresh", FRESH), ("s16", S16)):
    inside, line = 0, []
    for t in terms:
        first = next(i for i, x in enumerate(texts) if t in x)
        names = [x["term"] for x in new.get(first, [])]
        rank = names.index(t) + 1 if t in names else None
        inside += rank is not None and rank <= 20
        line.append(f"{t} {years[first]} #{rank or '-'}")
    print(f"{name}: {inside}/{len(terms)} in top 20: " + ", ".join(line))
for y in ("2015", "2016", "2018", "2021", "2024", "2025"):
    i = years.index(y)
    print(y, " ".join(f"{x['term']}({x['score']:.1f})" for x in new.get(i, [])[:top]))
