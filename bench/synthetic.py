"""Build synthetic award appendices in code: realistic Chinese rows, categories in merged runs."""

from __future__ import annotations

import itertools
import random

from nbreport.schema import ReportMeta
from nbreport.schema.appendices import Appendix
from nbreport.schema.report import Report
from nbreport.schema.tables import Column, Table

CATEGORIES = tuple(
    f"{prefix}{kind}{level}"
    for prefix, kind in (("宁波市", "科学技术进步"), ("浙江省", "科学技术进步"), ("宁波市", "技术发明"), ("浙江省", "自然科学"))
    for level in ("一等奖", "二等奖", "三等奖")
)
_QUALITIES = ("高性能", "新型", "大尺寸", "高精度", "绿色低碳", "智能化", "超高纯", "柔性", "高可靠", "低成本", "多功能", "长寿命")
_SUBJECTS = (
    "稀土永磁材料", "溅射靶材", "激光测振系统", "石墨烯薄膜", "海洋工程装备", "集成电路封装", "工业机器人",
    "新能源汽车电驱系统", "港口集装箱调度平台", "生物医药中间体", "光学镜头模组", "磁性传感器",
    "高分子复合材料", "智能电网终端", "轨道交通盾构装备", "氢燃料电池电堆",
)
_ENDINGS = ("关键技术研究及产业化", "制备技术与应用", "关键技术及应用", "研发与产业化", "设计制造关键技术", "集成创新与示范应用")
_UNITS = (
    "宁波大学", "中国科学院宁波材料技术与工程研究所", "宁波江丰电子材料股份有限公司", "舜宇集团有限公司",
    "浙江大学宁波理工学院", "宁波诺丁汉大学", "甬江实验室", "宁波工程学院", "宁波市轨道交通集团有限公司",
    "宁波均胜电子股份有限公司", "东方电缆股份有限公司", "宁波市第一医院", "宁波舟山港股份有限公司",
    "浙江吉利控股集团有限公司", "宁波韵升股份有限公司", "宁波大学附属第一医院", "中国科学院大学宁波华美医院",
    "宁波拓普集团股份有限公司", "宁波市农业科学研究院", "宁波金田铜业（集团）股份有限公司",
)
_SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程魏苏吕丁沈"
_GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红娥玲芬燕彩春菊兰凤洁梅琳素云莲真环雪荣爱妹霞香月莺媛"


def award_table(rows: int, seed: int = 2023) -> Table:
    """Return an award table of ``rows`` rows whose 奖励类别 runs over 20–60 rows at a time."""
    rng = random.Random(seed)
    data: list[list] = []
    categories = itertools.cycle(CATEGORIES)
    while len(data) < rows:
        category = next(categories)
        for _ in range(min(rng.randint(20, 60), rows - len(data))):
            data.append([category, _project(rng, len(data)), rng.sample(_UNITS, rng.randint(1, 5)), _people(rng)])
    columns = [
        Column(name="奖励类别", merge=True), Column(name="项目名称"),
        Column(name="主要完成单位", type="list"), Column(name="主要完成人员", type="list"),
    ]
    return Table(table_kind="award", columns=columns, rows=data, source=f"synthetic-{rows}")


def award_report(rows: int, seed: int = 2023) -> Report:
    """Return a Report holding only one award appendix of ``rows`` rows."""
    meta = ReportMeta(year=2023, region="宁波市", title="宁波市科技进步报告（合成附录）", editor="基准测试")
    appendix = Appendix(title=f"合成获奖项目名单（{rows:,}行）", table=award_table(rows, seed))
    return Report(meta=meta, appendices=[appendix])


def _project(rng: random.Random, index: int) -> str:
    name = f"{rng.choice(_QUALITIES)}{rng.choice(_SUBJECTS)}{rng.choice(_ENDINGS)}"
    return name if index % 7 else f"{name}（{index // 7 % 9 + 1}期）"


def _people(rng: random.Random) -> list[str]:
    return [rng.choice(_SURNAMES) + "".join(rng.sample(_GIVEN, rng.randint(1, 2))) for _ in range(rng.randint(3, 13))]
