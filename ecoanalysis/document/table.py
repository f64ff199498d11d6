"""Table 1 of the report: the national new-generation AI open innovation platforms and their hosts."""
from __future__ import annotations

import re
from collections.abc import Iterable

from .model import Block, PlatformRow

#: Header of table 1.
TABLE_HEADER = re.compile(r"序号\s+\S")
#: A table row starts with its row number.
TABLE_ROW = re.compile(r"\d{1,2}\s+\S")
#: Rows of table 1: 1 依托百度公司建设自动驾驶国家新一代人工智能开放创新平台.
PLATFORM_ROW = re.compile(r"(?P<number>\d{1,2})\s+依托\s*(?P<host>.+?)\s*建设\s*(?P<name>(?P<domain>.+?)" + r"国家新一代人工智能开放创新平台)")


def read_platforms(blocks: Iterable[Block]) -> tuple[PlatformRow, ...]:
    """The rows of table 1 among ``blocks``: table rows that name a host and a platform."""
    return tuple(
        PlatformRow(int(m["number"]), m["host"], m["domain"], m["name"], block.lines[0])
        for block in blocks if block.role == "table_row" and (m := PLATFORM_ROW.fullmatch(block.text))
    )
