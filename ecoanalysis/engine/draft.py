"""What the engine produces: the frozen :class:`Quantity` of one expression, the mutable :class:`Draft` a
mention is assembled in, and the vocabularies of unit classes, currencies and bounds.
"""
from __future__ import annotations

from dataclasses import dataclass

from ._lexicon import CURRENCY_PREFIXES, UNIT_WORDS

#: What a mention measures. Physical classes keep the value in the stated unit (``unit_symbol``: kW, GB,
#: m², ...); ``currency`` is money (``currency``: the ISO 4217 code); ``ratio`` a part of a ratio
#: (7.1∶38.3∶54.6); ``other`` covers digits in names. A compound unit (numerator/denominator: 250Wh/kg, 3000元/吨)
#: is a ``rate`` with the compound symbol (Wh/kg, CNY/t; money keeps its currency), or ``speed`` for a length per
#: a duration (km/h, m/s). ``score`` is points of a mark or rating (得分68.9分, 满分100分: counter 分).
#: ``transport_work`` is a load times the distance it is carried (吨公里 t·km, 人公里 passenger-km). ``angle`` is in
#: degrees (45度角, 倾斜30°: symbol °) or radians (弧度, rad).
UNITS: tuple[str, ...] = (
    "count", "percent", "percentage_point", "multiple", "date", "duration", "currency", "power", "energy",
    "mass", "data_size", "data_rate", "compute", "frequency", "area", "length", "speed", "volume", "temperature",
    "pressure", "amount", "voltage", "current", "charge", "angle", "rank", "ratio", "rate", "score", "transport_work",
    "other",
)

#: ISO 4217 codes the lexicon knows (the values of the ``currency`` column).
CURRENCIES: tuple[str, ...] = tuple(sorted(
    {info.currency for info in UNIT_WORDS.values() if info.currency} | set(CURRENCY_PREFIXES.values())
))

#: How the stated number relates to the true amount. ``range``: value..value_high stated; ``vague``:
#: an order of magnitude such as 数千 or 百万级 (value = low end, value_high = top end).
BOUNDS: tuple[str, ...] = ("eq", "gt", "ge", "lt", "le", "approx", "range", "vague")


#: Precedence when several qualifiers apply: the most informative bound wins (超过 10 个以上 -> gt).
BOUND_PRECEDENCE: tuple[str, ...] = ("range", "vague", "le", "lt", "ge", "gt", "approx", "eq")


@dataclass(frozen=True)
class Quantity:
    """One quantity expression as read by the engine.

    Attributes
    ----------
    surface : str
        The expression as written (qualifiers, number, unit or counter; no footnote marker).
    value : float or None
        The number with magnitudes applied (1 万 -> 10000); percentages in percent units (八成 -> 80);
        a date's year; the low end of a range or vague amount. ``None`` for a relative date whose year
        is unknown, or digits in a name that do not parse.
    value_high : float or None
        Upper end of a range or vague amount.
    unit : str
        One of :data:`UNITS`.
    counter : str or None
        Measure word or counted noun (家, 所, 项, 周, 元, 平方米, ...).
    bound : str
        One of :data:`BOUNDS`.
    month : int or None
        Month of a date.
    month_high : int or None
        Month of the last date of a date range (2017 年 11 月至 2019 年 8 月 -> 8).
    footnote : int or None
        Footnote marker glued to the number (``27%3`` -> 3).
    qualifier : str or None
        The qualifier words as written, space-joined when there are several (``"超过"``, ``"以上"``,
        ``"+"``, ``"近"``).
    currency : str or None
        ISO 4217 code of an amount of money (CNY, USD, EUR, ...), when ``unit == "currency"``.
    unit_symbol : str or None
        Symbol of a physical unit (kW, kWh, t, GB, m², ...), the value being in that unit.
    name_like : bool
        Digits that belong to a name (5G, Apollo6.0, 360 公司, 十四五, 图 1) rather than a quantity.
    start, end : int
        Half-open span of ``surface`` in the text that was parsed.
    """

    surface: str
    value: float | None
    value_high: float | None
    unit: str
    counter: str | None
    bound: str
    month: int | None = None
    month_high: int | None = None
    footnote: int | None = None
    qualifier: str | None = None
    name_like: bool = False
    currency: str | None = None
    unit_symbol: str | None = None
    start: int = 0
    end: int = 0


class Draft:
    """A mention being assembled (mutable, cheap; becomes a row or a Quantity)."""

    __slots__ = (
        "start", "end", "value", "value_high", "unit", "counter", "bound", "month", "month_high", "footnote", "source_footnote",
        "qualifiers", "bounds", "name_like", "scale_applied", "scale", "consumed", "pair_id", "role", "weak",
        "currency", "unit_symbol",
    )

    def __init__(self, start: int, end: int, value: float | None) -> None:
        self.start = start
        self.end = end
        self.value = value
        self.value_high: float | None = None
        self.unit: str | None = None  # None = no explicit unit (becomes count)
        self.counter: str | None = None
        self.bound = "eq"
        self.month: int | None = None
        self.month_high: int | None = None
        self.footnote: int | None = None
        self.source_footnote: int | None = None  # set for a Report only (see _attach_footnote_refs)
        self.qualifiers: list[str] = []
        self.bounds: list[str] = []
        self.name_like = False
        self.scale_applied = False  # a magnitude or unit scale was applied (for range inheritance)
        self.scale = 1.0  # the scale applied (万 -> 10^4, 成 -> 10)
        self.consumed = end  # scanning resumes here (past a footnote marker)
        self.pair_id: int | None = None
        self.role: str | None = None
        self.weak = False  # a bare Chinese numeral: kept only if a range gives it context (六至八)
        self.currency: str | None = None  # ISO 4217 code of an amount of money
        self.unit_symbol: str | None = None  # kW, GB, m², ... of a physical unit

    def is_bare_number(self) -> bool:
        """Whether the mention is a number with a value and nothing after it: no unit, counter or name (the passes
        after the scan give such numbers the unit their context names: P<0.05, 收入比为2.39, 美元兑人民币7.12)."""
        return self.unit in (None, "count") and self.counter is None and self.value is not None and not self.name_like

    def finalise(self) -> None:
        """Fill the defaults of an assembled mention: unit count when none was written, the final bound."""
        if self.unit is None:
            self.unit = "count"
        self.bound = self.final_bound() if self.bounds else "eq"

    def final_bound(self) -> str:
        if not self.bounds:
            return "eq"
        for bound in BOUND_PRECEDENCE:
            if bound in self.bounds:
                return bound
        return "eq"


#: Returned by a whole-mention reader for numerals that are no quantity at all (no row).
NOT_A_QUANTITY = Draft(0, 0, None)


def _name_draft(start: int, end: int, value: float | None) -> Draft:
    draft = Draft(start, end, value)
    draft.unit = "other"
    draft.name_like = True
    return draft
