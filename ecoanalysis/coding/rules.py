"""Coding rules: the vocabularies, definitions and codebook columns a coder works with.

Everything a person decides when coding a mention (claim or not, which category, which host kind) is
named and defined here once; the checks in :mod:`ecoanalysis.coding.codebook` and
:mod:`ecoanalysis.coding.platforms`, the schemas and the workbook's README sheet read these tables.
"""
from __future__ import annotations

from .. import config

#: Columns of ``data/raw/codebook.csv``, in the recommended order.
CODEBOOK_COLUMNS: tuple[str, ...] = (
    "line",
    "surface",
    "occurrence",
    "value",
    "kind",
    "category",
    "subject",
    "subject_en",
    "metric_en",
    "as_of",
    "role",
    "pair",
    "note",
)

#: Columns that identify a mention; together unique in the codebook.
KEY_COLUMNS: tuple[str, ...] = ("line", "surface", "occurrence")

KIND_DEFINITIONS: dict[str, str] = {
    "claim": (
        "A quantitative assertion about the world (a count, share, rate, amount, duration, multiple, rank, or "
        "the date of an event) that a reader could cite or check."
    ),
    "structural": (
        "The report's own framing rather than the world: counts of its own points (四点特征, 三大不同, "
        "三层面、一体系, 四种典型生态运行模式), and numbers inside a title or name (一基地两平台三中心, "
        "第十四个五年规划, 2035 年远景目标纲要, 5G, Apollo6.0, 360 公司, 瑞芯微 RK18)."
    ),
    "noise": (
        "Numbers that organise the document: page and table-of-contents numbers, section labels (01, 02), "
        "figure and table labels (图 1, 表 1), footnote markers and the numbers of the footnotes, table row "
        "numbers (1..15 in table 1), list ordinals (一是, 二是), and dates of cited sources."
    ),
}
KINDS: tuple[str, ...] = tuple(KIND_DEFINITIONS)

CATEGORY_DEFINITIONS: dict[str, str] = {
    "adoption": (
        "How many use, join or are served by a platform or product: developers, enterprise users, customers, "
        "partners, member companies, deployments, regions or industries covered, chips adapted, countries "
        "and institutions taking part."
    ),
    "scale": (
        "The size of an asset or of an activity at a point in time: models, technical capabilities, API calls "
        "per day, buildings and data layers, cameras, code repositories, commits, stars, standards, patents, "
        "products on a marketplace, competitions held."
    ),
    "accuracy": (
        "The quality of an AI system's output: accuracy, recognition, detection and recall rates, coverage of a "
        "knowledge base, precision gains, and before->after changes of these."
    ),
    "funding": (
        "Money put into firms or research: financing rounds and their shares, investment, R&D spending as a "
        "share of revenue, resources given to start-ups valued in money."
    ),
    "growth": (
        "A rate of change over time of some quantity: year-on-year growth, growth of resources, daily "
        "additions of developers or repositories."
    ),
    "efficiency": (
        "Time, cost or labour saved and productivity gained: faster inference, shorter set-up periods, fewer "
        "staff needed, higher labour productivity or tuning efficiency."
    ),
    "education": (
        "Teaching and training: teachers and talent trained, universities offering courses, courses, learners "
        "and learning sessions, practical cases opened for teaching."
    ),
    "economy": (
        "Effects on the wider economy: jobs created, tax paid, size of an industry cluster in money, "
        "enterprises incubated, output value."
    ),
    "recognition": (
        "Standing relative to others: awards and prizes, competition titles, rankings (first in China), "
        "'first' claims that come with a number."
    ),
    "date": "When something happened or will happen: launches, releases, policy publications, agreements, founding years.",
    "other": "A claim that fits none of the categories above; the note says why.",
}
CATEGORIES: tuple[str, ...] = tuple(CATEGORY_DEFINITIONS)

#: Roles of the two mentions of a before->after pair (e.g. 由原来的 80% 提升到 95%).
ROLES: tuple[str, ...] = ("before", "after")

#: Rules for the borderline cases; each key names the case, the value says how to code it.
CODING_RULES: dict[str, str] = {
    "one row per mention": (
        "Every mention the engine reports gets exactly one row, also noise: the build fails on a missing or an "
        "extra row, so the codebook is a complete audit of the engine's output."
    ),
    "split mentions": (
        "A number split from its unit by a line or page break (320 万 broken after 320) is one mention, coded at "
        "the line of its first character."
    ),
    "relative dates": (
        f"The report was published in {config.REPORT_YEAR}. 今年 3 月 is March {config.REPORT_YEAR}; 上一年 is the "
        "year before the year the sentence is about; 截至目前 and 目前 are coded as_of "
        f"{config.REPORT_YEAR}."
    ),
    "recent years": (
        "近 6 年 means 'the last six years' up to the report: the 6 is a structural duration that qualifies "
        "another figure (R&D share of revenue), not a claim of its own."
    ),
    "as_of": (
        "as_of is the year the figure refers to when the report gives it (截至 2020 年底 -> 2020; 2020 年，平台学习"
        f"资源增长 180% -> 2020) or implies it (目前 -> {config.REPORT_YEAR}); otherwise blank. For a forecast "
        "(到 2035 年 ... 提高 27%) it is the target year."
    ),
    "qualifying years": (
        "A year or month that only says when another figure applies (截至 2020 年底, 2020 年，...) is structural, "
        "and its year goes into the as_of of that figure. A date is a date claim when something happened "
        "then (2017 年 4 月，Apollo 正式发布全球开放计划)."
    ),
    "cited sources": (
        "Dates and numbers in footnote references (2020 年 12 月 in a bibliography entry) are noise; the "
        "footnote number itself is carried by the mention it is glued to (column footnote), not coded."
    ),
    "names": (
        "Numbers inside names, titles and slogans (5G, Apollo6.0, RK18, 360 公司, 十四五, 一基地两平台三中心, "
        "《...（2019-2021 年）》) are structural, even when they look like dates."
    ),
    "lists and ordinals": (
        "一是/二是, chapter numbers (01, 02), table row numbers (1..15 in table 1) and page numbers are noise."
    ),
    "repeated figures": (
        "A figure repeated in another place (飞桨 320 万开发者) is coded as a claim each time, with the same "
        "subject and metric_en, so that consistency can be checked."
    ),
    "vague quantities": (
        "Approximate words that the engine parses (数千, 百万级, 近百种, 八成以上) are claims when they assert a size; "
        "value is what the engine parsed (the lower bound), the qualifier column keeps the vagueness."
    ),
    "before and after": (
        "In 由 X 提升到 Y the engine pairs X (before) and Y (after). Where it cannot infer the roles, the coder sets "
        "role on both rows and, if needed, the same pair label; a lone improvement (提升 60%) is not a pair. Example "
        "the engine misses: 大恒图像's set-up period, 6 到 8 周 (before) -> 2 周 (after), in different sentences. Both "
        "rows of a pair get the same category, subject and metric_en."
    ),
    "firsts": (
        "第一 and 首个/首家 ('the first ...') are rank claims (unit rank, value 1, category recognition); the metric_en "
        "says what ranking is claimed. 首先, 首都 and 首次 are not ranks."
    ),
    "subjects": (
        "subject names the system or organisation the way the report does (飞桨, not PaddlePaddle; 山东电力 AI 中台); "
        "the same thing gets the same subject everywhere."
    ),
}

#: Relative tolerance when comparing the coder's value with the engine's parse.
VALUE_RELATIVE_TOLERANCE = 1e-9

#: Fields a claim cannot do without.
CLAIM_REQUIRED_FIELDS: tuple[str, ...] = ("category", "subject", "metric_en")

#: Plausible range of as_of years (the report covers policy from the 2010s to 2035 targets).
AS_OF_RANGE = (1900, 2100)

#: Codebook columns carried into the coded mentions (the key columns and value are checked, not carried).
CODED_COLUMNS: tuple[str, ...] = ("kind", "category", "subject", "subject_en", "metric_en", "as_of", "note")

#: CSV line of the first data row: line 1 is the header.
FIRST_DATA_ROW = 2

#: The report's own typology of host organisations (人工智能公司、互联网公司 ... 垂直领域的行业公司),
#: with device makers split out because their platforms grow out of hardware.
HOST_KIND_DEFINITIONS: dict[str, str] = {
    "ai_company": "A company founded on AI technology itself (speech, vision, marketing intelligence), such as iFlytek or SenseTime.",
    "internet_platform": "An internet or cloud platform company whose AI platform builds on consumer-internet and cloud services, such as Baidu or Tencent.",
    "device_maker": "A maker of hardware devices (cameras, telecoms equipment, phones, home appliances) whose AI platform grows out of its devices.",
    "vertical_industry": "A company from a vertical industry (education, finance) that hosts a platform for its own sector.",
}
HOST_KINDS: tuple[str, ...] = tuple(HOST_KIND_DEFINITIONS)
