#!/usr/bin/python3
"""Writes plaint's sample data: two months (September and October 2026) of complaints of a
twelve-building estate, with their event logs, and the return-visit surveys made on them.

    /usr/bin/python3 examples/data/make_sample.py [--out DIR]

Standard library only and fully deterministic: one random.Random(SEED) drawn in a fixed order,
then a second, random.Random(PEOPLE_SEED), for the people (handlers and teams) alone, so that
naming them changed nothing else; no set iteration, no clock. Running it twice gives byte-identical files. The files and their
columns are described in sample/README.md. The rules of the default profile
(default-profile.json) are mirrored here so that the natures, severities, escalations and
return-visit methods in the event logs agree with what the profile decides.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import math
import os
import random
import sys
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from typing import Any, Dict, List, Optional, Tuple

SEED = 20261101
TZ = timezone(timedelta(hours=8))  # Asia/Shanghai: no daylight saving time
# Both months' files are an export made at this instant: events after it are not in them.
EXPORT = datetime(2026, 11, 1, tzinfo=TZ)
MONTHS = ((2026, 9), (2026, 10))
DAILY_MEAN = {(2026, 9): 72.0, (2026, 10): 76.0}

# The office calendar of the default profile: 2026 holidays and make-up working days.
CLOSED = frozenset(
    [date(2026, 9, 25), date(2026, 9, 26), date(2026, 9, 27)]
    + [date(2026, 10, d) for d in range(1, 8)]
)
EXTRA_WORKDAYS = frozenset([date(2026, 9, 20), date(2026, 10, 10)])

ROLE_RANK = {
    "duty_staff": 1,
    "cs_assistant": 2,
    "cs_manager": 3,
    "general_manager": 4,
    "company": 5,
}

# The README's state table: state -> event -> next state.
TABLE = {
    "received": {"record": "recorded", "escalate": "received"},
    "recorded": {"classify": "classified", "escalate": "recorded"},
    "classified": {
        "classify": "classified",
        "assign": "assigned",
        "explain": "explained",
        "escalate": "classified",
    },
    "assigned": {
        "classify": "assigned",
        "assign": "assigned",
        "start": "in_progress",
        "explain": "explained",
        "escalate": "assigned",
    },
    "in_progress": {
        "classify": "in_progress",
        "assign": "in_progress",
        "wait": "waiting",
        "resolve": "resolved",
        "escalate": "in_progress",
    },
    "waiting": {
        "classify": "waiting",
        "assign": "waiting",
        "resume": "in_progress",
        "escalate": "waiting",
    },
    "resolved": {"visit": "return_visit", "escalate": "resolved"},
    "return_visit": {
        "satisfied": "closed",
        "unsatisfied": "rectification",
        "escalate": "return_visit",
    },
    "rectification": {
        "classify": "rectification",
        "assign": "rectification",
        "resolve": "resolved",
        "escalate": "rectification",
    },
    "closed": {"reopen": "recorded"},
    "explained": {"close": "closed", "escalate": "explained"},
}
# A consultation's table (the README's): answered (`answer`) and closed; no resolve, no return
# visit. Only the events the sample's consultations use are listed.
CONSULTATION_TABLE = {
    "received": {"record": "recorded", "escalate": "received"},
    "recorded": {
        "classify": "classified",
        "assign": "assigned",
        "answer": "closed",
        "escalate": "recorded",
    },
    "classified": {
        "classify": "classified",
        "assign": "assigned",
        "answer": "closed",
        "escalate": "classified",
    },
    "assigned": {
        "classify": "assigned",
        "assign": "assigned",
        "start": "in_progress",
        "answer": "closed",
        "escalate": "assigned",
    },
    "in_progress": {
        "classify": "in_progress",
        "assign": "in_progress",
        "wait": "waiting",
        "answer": "closed",
        "escalate": "in_progress",
    },
    "waiting": {
        "classify": "waiting",
        "assign": "waiting",
        "resume": "in_progress",
        "escalate": "waiting",
    },
    "closed": {"reopen": "recorded"},
}
TABLES = {"complaint": TABLE, "repair": TABLE, "consultation": CONSULTATION_TABLE}

# ---------------------------------------------------------------------------------------------
# The estate: twelve buildings, 3,144 flats. A1-A6 are 33-storey towers with 10 flats a floor
# (units "1802"); B1-B6 older 18-storey slab blocks with 3 entrances (单元) of 4 flats a floor
# (units "2-1203": entrance 2, flat 1203). Flats start on floor 2. Some buildings have their
# own trouble, which the heat map shows.
BUILDINGS = [("A%d" % i, 33, 10, 1) for i in range(1, 7)] + [
    ("B%d" % i, 18, 4, 3) for i in range(1, 7)
]
BUILDING_BIAS = {
    "elevator": {"A2": 3.0, "A5": 1.6},  # A2's lifts are the oldest
    "elevator_trapped": {"A2": 3.0},
    "water_leak": {"B3": 2.6, "B4": 1.6},  # old risers in B3 and B4
    "drainage": {"B3": 2.0},
    "burst_pipe": {"B3": 3.0},
    "noise": {"B1": 3.0, "B2": 1.5},  # B1 and B2 face the plaza
    "parking": {"A5": 2.2, "A6": 1.8},  # by the garage ramp
    "cleaning": {"B6": 2.4},  # next to the refuse station
    "pest": {"B6": 2.0},
    "security": {"B5": 1.8},  # by the side gate
    "fees": {"A1": 1.3},
}

# Sub-categories: category, base weight (share of a month), and the texts. Slots: {b} building,
# {f} floor, {uf} the flat above, {lift}, {m} minutes, {n} a small number, {d} days, {amt}
# yuan, {plate}, {t} a time, {zone} garage zone, {gate}.
SUBS = {
    # equipment (设备)
    "water_leak": (
        "equipment",
        9.0,
        [
            "卫生间天花板漏水，楼上{uf}的住户联系不上",
            "厨房水管接头渗水，地板已经泡起来了",
            "外墙渗水，卧室墙面发霉了",
            "楼上漏水到我家客厅，已经{d}天了还没人处理",
            "阳台顶上漏水，一下雨就滴",
            "{b}栋{f}楼楼道水管漏水，地面很滑",
        ],
        [
            "Water is dripping from the bathroom ceiling and nobody answers in {uf}",
            "The kitchen pipe joint is leaking and the floor is soaked",
            "Water seeps through the outer wall and the bedroom wall is mouldy",
            "Water from the flat above has been leaking into our living room for {d} days",
            "The corridor pipe on floor {f} of {b} is leaking and the floor is slippery",
        ],
    ),
    "elevator": (
        "equipment",
        7.5,
        [
            "{b}栋{lift}号电梯又坏了，停在{f}楼不动",
            "电梯门关不上，一直来回开合",
            "电梯运行时抖得厉害，还有异响",
            "电梯按钮失灵，按了没反应",
            "{b}栋两部电梯只开了一部，早上等了{m}分钟",
        ],
        [
            "Lift {lift} in {b} is out of service again, stuck at floor {f}",
            "The elevator doors keep reopening and will not close",
            "The lift shakes and makes a grinding sound",
            "Only one of the two lifts in {b} works; we waited {m} minutes this morning",
        ],
    ),
    "lighting": (
        "equipment",
        4.0,
        [
            "{f}楼楼道灯坏了一个星期了",
            "地下车库{zone}区的灯坏了一半，晚上很暗",
            "单元门口的路灯不亮，晚上回家看不清",
        ],
        [
            "The corridor lights on floor {f} have been off for a week",
            "Half the lights in zone {zone} of the garage are out",
            "The lamp at the entrance of {b} is broken and it is dark at night",
        ],
    ),
    "power": (
        "equipment",
        3.0,
        [
            "{f}楼整层停电了",
            "家里跳闸后整户没电，麻烦派电工看看",
            "楼道插座没电，电动车充不了",
            "电表箱有烧焦味",
        ],
        [
            "Power cut on the whole of floor {f} since this morning",
            "Our flat has had no power since the breaker tripped",
            "The meter box in the corridor smells burnt",
        ],
    ),
    "water_supply": (
        "equipment",
        3.0,
        [
            "早上开始停水，也没有提前通知",
            "高层水压太低，洗澡水很小",
            "自来水发黄，有铁锈味",
        ],
        [
            "No water since {t} and no notice was posted",
            "Water pressure on the upper floors is too low for a shower",
            "Tap water is yellow and tastes of rust",
        ],
    ),
    "drainage": (
        "equipment",
        3.5,
        [
            "厨房下水道堵了，污水往上冒",
            "地漏返臭味，很难闻",
            "{b}栋后面的化粪池满了，味道很大",
        ],
        [
            "The kitchen drain is blocked and dirty water is coming up",
            "The floor drain smells of sewage",
            "The septic tank behind {b} is full and smells very bad",
        ],
    ),
    "door_access": (
        "equipment",
        3.0,
        [
            "单元门禁坏了，门一直开着，谁都能进",
            "门禁卡刷不开单元门",
            "可视对讲没有声音",
        ],
        [
            "The entrance door reader is broken and the door stays open",
            "My access card no longer opens the entrance of {b}",
            "The video intercom has no sound",
        ],
    ),
    "air_conditioning": (
        "equipment",
        1.4,
        [
            "大堂空调不制冷，闷得很",
            "会所空调滴水",
            "电梯厅空调一直吹热风",
        ],
        [
            "The lobby air conditioning is not cooling at all",
            "The clubhouse air conditioner is dripping",
            "The air conditioning in the lift hall blows hot air",
        ],
    ),
    "fire_safety": (
        "equipment",
        0.6,
        [
            "{f}楼消防栓箱门坏了，里面的水带不见了",
            "楼道灭火器过期了没人换",
        ],
        [
            "The fire hose cabinet on floor {f} is broken and the hose is missing",
            "The fire extinguishers on floor {f} are out of date",
        ],
    ),
    # service attitude (服务态度)
    "guard": (
        "attitude",
        3.0,
        [
            "门岗保安态度很差，说话很冲",
            "保安不让我的访客进门，还很凶",
            "晚上值班保安在岗亭里睡觉，叫了半天没人理",
        ],
        [
            "The guard at the {gate} gate was rude and shouted at my wife",
            "The guard refused to let my visitor in and was aggressive",
            "The night guard was asleep in the booth and ignored us",
        ],
    ),
    "hotline": (
        "attitude",
        2.4,
        [
            "客服电话打了{n}次都没人接",
            "接线员很不耐烦，没听完就挂了电话",
            "反映的问题一直说在处理，从来没有回复",
        ],
        [
            "I called the hotline {n} times and nobody answered",
            "The operator was impatient and hung up before I finished",
            "They keep saying it is being handled but nobody ever calls back",
        ],
    ),
    "repair_staff": (
        "attitude",
        2.0,
        [
            "维修师傅上门迟到两个小时，也不道歉",
            "维修工进门不穿鞋套，把地板踩脏了",
            "维修人员乱收材料费，不给收据",
        ],
        [
            "The repairman came two hours late and did not apologise",
            "The technician walked in without shoe covers and left the floor dirty",
            "The repair staff charged for materials without a receipt",
        ],
    ),
    "front_desk": (
        "attitude",
        1.5,
        [
            "前台工作人员推诿，说不归她管",
            "办一件事跑了三趟，前台每次说法都不一样",
        ],
        [
            "The front desk said it was not their job and sent me away",
            "I came three times and the front desk told me something different each time",
        ],
    ),
    # service quality (服务质量)
    "repair_quality": (
        "quality",
        4.0,
        [
            "上周修好的水龙头又开始滴水",
            "换的门锁用了{n}天就坏了",
            "墙面修补后颜色不一样，很难看",
            "维修后现场垃圾没有清理",
        ],
        [
            "The tap that was fixed last week is dripping again",
            "The new lock broke after {n} days",
            "The patched wall is a different colour and looks awful",
            "They left the repair rubbish behind",
        ],
    ),
    "cleaning": (
        "quality",
        6.0,
        [
            "{b}栋垃圾桶满了两天没人清理，臭味很大",
            "楼道好几天没拖地了",
            "电梯里有宠物尿没人打扫",
            "小区水池里漂满垃圾",
            "请问楼道保洁每天几点打扫？",
        ],
        [
            "The bins by {b} have not been emptied for two days and they stink",
            "The stairwell has not been mopped this week",
            "There is pet urine in the lift and nobody has cleaned it",
            "May I ask when the stairwells are cleaned each day?",
        ],
    ),
    "security": (
        "quality",
        4.0,
        [
            "陌生人随意进出小区，门岗不登记",
            "昨晚车库有人偷电瓶",
            "{b}栋楼下的监控坏了很久了",
            "外卖电动车在小区里骑得飞快，很危险",
        ],
        [
            "Strangers walk in without being asked to register",
            "Someone tried car doors in the garage last night",
            "The camera outside {b} has been broken for weeks",
            "Delivery scooters race through the estate; it is dangerous",
        ],
    ),
    "parking": (
        "quality",
        6.0,
        [
            "我的车位又被{plate}占了",
            "消防通道上停满了车",
            "地库道闸老是抬不起来，入口排队太久",
            "访客车辆乱停，挡住了我的车",
            "请问月租车位怎么办理？",
        ],
        [
            "My parking space is taken again by car {plate}",
            "Cars block the fire lane every evening",
            "The garage barrier keeps failing and the queue is long",
            "A visitor's car is blocking mine in",
            "How do I rent a parking space by the month?",
        ],
    ),
    "mail_delivery": (
        "quality",
        2.0,
        [
            "快递放在门口被人拿走了",
            "挂号信在前台放了一周也没人通知我",
            "快递柜满了，快递员把包裹扔在大堂",
        ],
        [
            "My parcel was left outside the door and is gone",
            "My registered letter sat at the front desk for a week and nobody told me",
            "The parcel lockers are full and couriers dump boxes in the lobby",
        ],
    ),
    "greenery": (
        "quality",
        1.5,
        [
            "绿化带杂草很久没修剪了，蚊子很多",
            "{b}栋门口的树枝快碰到窗户了",
            "草坪打药没有提前通知，孩子还在上面玩",
        ],
        [
            "The lawns have not been mowed and there are mosquitoes everywhere",
            "Branches outside {b} are touching the windows",
            "The lawn was sprayed without notice while children were playing",
        ],
    ),
    "pest": (
        "quality",
        1.5,
        [
            "地下室老鼠很多",
            "垃圾房里全是蟑螂",
            "楼道里有马蜂窝",
        ],
        [
            "There are many rats in the basement",
            "The rubbish room is full of cockroaches",
            "There is a wasp nest in the stairwell",
        ],
    ),
    # sudden events (突发事件)
    "elevator_trapped": (
        "sudden_event",
        0.8,
        [
            "电梯困人！{b}栋{lift}号电梯卡在{f}楼",
            "电梯困人，里面有老人和小孩，快来人",
        ],
        [
            "Someone is trapped in lift {lift} in {b} between floors",
            "My son is trapped in the lift at floor {f}",
        ],
    ),
    "burst_pipe": (
        "sudden_event",
        0.6,
        [
            "{b}栋{f}楼水管爆了，水流进电梯井",
            "地下室水管爆裂，车库开始积水",
        ],
        [
            "A pipe burst on floor {f} of {b} and water is running into the lift shaft",
            "A burst pipe is flooding the garage",
        ],
    ),
    "power_outage": (
        "sudden_event",
        0.5,
        [
            "{b}栋整栋楼突然停电",
            "整层停电，冰箱里的东西都要坏了",
        ],
        [
            "The whole of {b} has a power cut",
            "Power cut on our floor and the fridge is off",
        ],
    ),
    "fire_alarm": (
        "sudden_event",
        0.4,
        [
            "{f}楼烟感报警一直响，闻到焦味",
            "楼道里有烟，不知道哪里着火了",
        ],
        [
            "The smoke alarm on floor {f} keeps ringing and there is a burning smell",
            "There is smoke in the stairwell",
        ],
    ),
    "gas_smell": (
        "sudden_event",
        0.3,
        [
            "楼道里煤气味很重",
            "{f}楼有很浓的燃气味",
        ],
        [
            "Strong smell of gas on floor {f}",
            "The stairwell smells of gas",
        ],
    ),
    "falling_object": (
        "sudden_event",
        0.4,
        [
            "高空抛物，差点砸到人",
            "楼上掉下来一块玻璃，砸坏了车",
        ],
        [
            "Something was thrown from a high floor and nearly hit a child",
            "A piece of glass fell from above and damaged a car",
        ],
    ),
    # other (其他): noise, fees, consultations, pets...
    "noise": (
        "other",
        7.0,
        [
            "楼上装修噪音太大，早上七点就开始电钻",
            "广场舞音乐太吵，晚上十点还没停",
            "隔壁半夜唱歌，噪音扰民",
            "楼上每天晚上拖椅子，噪音很大",
            "空调外机噪音很大，晚上睡不着",
        ],
        [
            "Renovation noise from the flat above starts at 7 am",
            "Square-dance music in the plaza is still loud after 10 pm",
            "The neighbours sing karaoke after midnight",
            "Someone drags chairs upstairs every night; the noise keeps us awake",
            "The AC unit next door is so noisy we cannot sleep",
        ],
    ),
    "fees": (
        "other",
        5.0,
        [
            "物业费账单多收了{amt}元",
            "停车费涨价没有提前公示",
            "电梯费分摊不合理，低层也要交那么多",
            "公摊水电费每个月都在涨，要求公开明细",
        ],
        [
            "The management fee bill charges me {amt} yuan too much",
            "The parking fee went up without any notice",
            "Ground-floor owners pay the same lift fee as the top floor",
            "Shared utility charges rise every month; please publish the details",
        ],
    ),
    "consultation": (
        "other",
        9.0,
        [
            "请问物业费怎么交？",
            "请问装修申请怎么办理？",
            "请问门禁卡丢了怎么补办？",
            "咨询一下车位月租的价格",
            "请问小区能装充电桩吗？",
            "请问快递柜在哪里？",
            "请问养狗要登记吗？",
            "咨询一下搬家需要提前预约电梯吗",
        ],
        [
            "May I ask how to pay the management fee online?",
            "How do I apply for a renovation permit?",
            "How can I get a replacement access card?",
            "Inquiry about renting a parking space by the month",
            "May I ask if we can install an EV charger?",
            "How do I book the lift for moving house?",
        ],
    ),
    "pets": (
        "other",
        2.0,
        [
            "有人遛狗不拴绳，还不清理狗粪",
            "楼上的狗整天叫",
            "有人在楼道里喂流浪猫",
        ],
        [
            "Dogs off the leash in the garden and nobody cleans up after them",
            "The dog upstairs barks all day",
            "Someone feeds stray cats in the stairwell",
        ],
    ),
    "renovation": (
        "other",
        1.5,
        [
            "装修垃圾堆在楼道里好几天了",
            "邻居装修好像拆了承重墙，很担心安全",
            "装修工人周日也在施工",
        ],
        [
            "Renovation rubbish has been piled in the corridor for days",
            "The neighbours may be removing a load-bearing wall",
            "The renovation crew works on Sundays",
        ],
    ),
    "suggestion": (
        "other",
        1.0,
        [
            "建议在{b}栋门口加装雨棚",
            "建议增加电动车充电桩",
            "建议儿童游乐区铺上软垫",
        ],
        [
            "Please add a canopy at the entrance of {b}",
            "We need more charging points for e-bikes",
            "Suggest soft flooring at the children's playground",
        ],
    ),
    "assistance": (
        "other",
        1.0,
        [
            "钥匙锁在家里了，能帮忙联系开锁吗",
            "家里老人一个人在家，水龙头关不上，请帮忙看看",
            "轮椅进不了单元门，求助",
        ],
        [
            "My key broke in the lock, please help",
            "My elderly father is alone and cannot turn off the tap",
            "Please help, I cannot get my wheelchair through the entrance",
        ],
    ),
    # outside the office's scope: tagged outside_scope, judged invalid and explained
    "municipal": (
        "other",
        1.0,
        [
            "小区外面马路上的路灯不亮",
            "对面工地晚上施工，吵得睡不着",
            "公交站台的广告牌坏了",
        ],
        [
            "The street lights on the road outside the estate are out",
            "The building site across the road works all night",
            "The bus stop sign outside the gate is broken",
        ],
    ),
    "broadband": (
        "other",
        0.7,
        [
            "宽带网速太慢，经常断网",
            "有线电视信号不好",
        ],
        [
            "The broadband is very slow and keeps dropping",
            "The cable TV signal is poor",
        ],
    ),
    "neighbour_dispute": (
        "other",
        0.8,
        [
            "邻居的空调外机对着我家窗户吹",
            "和邻居因为门口鞋柜的事吵起来了",
        ],
        [
            "The neighbour's AC unit blows straight at my window",
            "We keep arguing with the neighbours about their shoe cabinet in the corridor",
        ],
    ),
}
OUTSIDE_SCOPE = ("municipal", "broadband", "neighbour_dispute")
# The default profile's words, mirrored: a request that asks a question (the `consulting` row of
# its `nature` section and the `question-is-consultation` row of its `kind` section), and the
# words of a grievance, which keep a question a complaint (the kind row's `none`).
QUESTION_WORDS = ("请问", "咨询", "怎么办理", "how do i", "how can i", "may i ask", "inquiry")
GRIEVANCE_WORDS = (
    "为什么",
    "还没",
    "还是没",
    "没人",
    "坏了",
    "投诉",
    "不满",
    "why",
    "still",
    "nobody",
    "no one",
    "complain",
    "broken",
    "not fixed",
)
VENTING_ZH = ["你们物业服务太差了，我要投诉你们！", "气死我了，交了物业费什么都不管", "服务太差，说了多少遍都没用"]
VENTING_EN = [
    "This is the worst property management I have ever seen",
    "Totally unacceptable, nobody here does their job",
    "Terrible service: I pay my fees and get nothing",
]
# Sub-categories people raise again from the same flat when not fixed.
REPEATABLE = (
    "water_leak",
    "drainage",
    "noise",
    "parking",
    "cleaning",
    "repair_quality",
    "pest",
    "fees",
    "door_access",
    "lighting",
    "elevator",
    "pets",
)
# Sub-categories about one's own flat: the complaint names it.
FLAT_LEVEL = (
    "water_leak",
    "drainage",
    "power",
    "water_supply",
    "door_access",
    "repair_quality",
    "fees",
    "noise",
    "renovation",
    "repair_staff",
    "assistance",
    "neighbour_dispute",
    "pets",
    "mail_delivery",
    "broadband",
)
# Sub-categories many households raise together.
COLLECTIVE = (
    "elevator",
    "water_supply",
    "noise",
    "parking",
    "cleaning",
    "security",
    "fees",
    "lighting",
    "door_access",
    "pets",
    "greenery",
)
# Month-specific weights: a hot September, October's National Day week.
MONTH_BIAS = {
    (2026, 9): {
        "air_conditioning": 2.5,
        "water_supply": 1.3,
        "pest": 1.5,
        "fees": 1.25,
        "greenery": 1.3,
    },
    (2026, 10): {
        "parking": 1.5,
        "cleaning": 1.4,
        "noise": 1.2,
        "air_conditioning": 0.4,
        "security": 1.2,
    },
}
# Sub-categories that come at night.
NIGHT_BIAS = {
    "noise": 4.0,
    "security": 1.6,
    "elevator_trapped": 1.5,
    "power": 1.5,
    "water_leak": 1.3,
    "consultation": 0.3,
    "fees": 0.2,
    "suggestion": 0.3,
    "mail_delivery": 0.3,
    "front_desk": 0.1,
    "greenery": 0.2,
}
ALLOWED_BY_LETTER = (
    "fees",
    "guard",
    "hotline",
    "repair_staff",
    "front_desk",
    "suggestion",
    "noise",
    "parking",
    "repair_quality",
    "water_leak",
    "cleaning",
    "security",
    "renovation",
    "elevator",
)
FOR_AUTHORITIES = (
    "water_leak",
    "elevator",
    "fees",
    "noise",
    "parking",
    "guard",
    "security",
    "cleaning",
    "renovation",
    "repair_quality",
)
FOR_MEDIA = ("water_leak", "elevator", "fees", "parking", "guard", "security")

REMEDY = {
    "water_leak": ("尽快找到漏点并维修，赔偿损失", "Find the leak, fix it and pay for the damage"),
    "elevator": ("彻底检修电梯", "A proper overhaul of the lift"),
    "guard": ("要求当事保安道歉", "An apology from the guard"),
    "hotline": ("希望有人及时回复", "Someone to call me back"),
    "repair_staff": ("要求道歉并退还费用", "An apology and a refund"),
    "fees": ("退还多收的费用", "A refund of the overcharge"),
    "noise": ("请物业出面劝阻", "Ask them to stop after 10 pm"),
    "parking": ("请物业处理占位车辆", "Have the car moved"),
    "cleaning": ("增加清运次数", "Empty the bins more often"),
    "repair_quality": ("免费返修", "Redo the repair for free"),
}
RESOLVE_NOTE = {
    "water_leak": ("已找到漏点并更换接头", "leak found, joint replaced"),
    "elevator": ("维保单位已修复", "lift contractor fixed it"),
    "lighting": ("已更换灯具", "lamps replaced"),
    "power": ("已恢复供电", "power restored"),
    "water_supply": ("已恢复正常供水", "supply back to normal"),
    "drainage": ("已疏通", "drain cleared"),
    "door_access": ("门禁已修复", "reader repaired"),
    "air_conditioning": ("空调已维修", "unit serviced"),
    "fire_safety": ("已补齐消防器材", "equipment replaced"),
    "guard": ("已约谈当事员工并道歉", "staff member spoken to, apology made"),
    "hotline": ("已回电道歉并整改", "called back with an apology"),
    "repair_staff": ("已约谈维修人员，退还费用", "technician spoken to, refund made"),
    "front_desk": ("已向住户道歉并办结", "apologised and done"),
    "repair_quality": ("已免费返修", "redone free of charge"),
    "cleaning": ("已清理并加强巡查", "cleaned, checks stepped up"),
    "security": ("已加强门岗登记和巡逻", "gate checks and patrols stepped up"),
    "parking": ("已联系车主挪车", "car owner asked to move"),
    "mail_delivery": ("已与快递公司沟通整改", "couriers told to use the lockers"),
    "greenery": ("已修剪", "trimmed"),
    "pest": ("已消杀", "pest control done"),
    "noise": ("已上门劝阻", "neighbours asked to keep quiet"),
    "fees": ("已核对账单并更正", "bill checked and corrected"),
    "consultation": ("已答复", "answered"),
    "pets": ("已张贴文明养犬提示并提醒", "owners reminded, notice posted"),
    "renovation": ("已责令清运并检查", "rubbish removed, works checked"),
    "suggestion": ("已记录并反馈公司", "passed to the company"),
    "assistance": ("已协助处理", "helped"),
}
SUDDEN_NOTE = ("已现场处置完毕", "handled on site, area made safe")
EXPLAIN_NOTE = {
    "municipal": ("不属于物业服务范围，已告知联系市政部门", "outside our scope: referred to the city"),
    "broadband": ("不属于物业服务范围，已告知联系运营商", "outside our scope: referred to the provider"),
    "neighbour_dispute": (
        "邻里纠纷，已建议由居委会调解",
        "neighbour dispute: referred to the " "residents' committee",
    ),
}
WAIT_NOTES = (
    ("等待配件", "waiting for parts"),
    ("住户不在家，另约时间", "resident away, visit rebooked"),
    ("等待维保单位", "waiting for the contractor"),
)
UNSAT_NOTES = (
    ("问题仍未解决", "still not fixed"),
    ("对处理结果不满意", "not happy with the result"),
    ("要求赔偿", "asks for compensation"),
)
NOTE = {
    "major": ("重大投诉，立即报告客服经理", "major complaint: reported to the CS manager at once"),
    "to_gm": ("上报总物业经理", "reported to the general manager"),
    "rule": ("按规则升级至客服经理", "raised to the CS manager by rule"),
    "cannot_judge": ("值班人员无法判断性质，提交客服经理", "duty staff cannot judge: to the CS manager"),
    "serious": ("影响严重，提交客服经理判断", "serious impact: to the CS manager"),
    "warn": ("解决时限将到", "resolution limit near"),
    "breach": ("超过解决时限", "resolution limit passed"),
    "feedback": ("超过24小时未反馈", "no feedback within 24 h"),
    "rect_breach": ("整改超期", "rectification overdue"),
    "reclass_visit": ("回访不满意，改判有效投诉", "unsatisfied at the visit: judged valid"),
    "reclass_late": ("处理超时，改判有效投诉", "limit missed: judged valid"),
    "reclass_reopen": ("问题复发，重新判定", "recurred: judged again"),
    "reopen": ("住户来电，问题复发", "resident called: the problem is back"),
    "dispatch": ("已派维修工", "technician dispatched"),
    "contact": ("已联系住户", "called the resident"),
    "takeover": ("客服经理跟进整改", "CS manager takes over"),
    "explain_mgr": ("经理向住户解释", "manager explained to the resident"),
}

ZH_SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢"
EN_NAMES = (
    "Mr. Smith",
    "Ms. Tanaka",
    "Mr. Kim",
    "Mrs. Garcia",
    "Ms. Nguyen",
    "Mr. Dubois",
    "Ms. Chen",
    "Mr. Wang",
    "Mrs. Patel",
    "Mr. Schmidt",
    "Ms. Rossi",
    "Mr. Lee",
    "Ms. Park",
    "Mr. Brown",
    "Mrs. Silva",
    "Ms. Lin",
)
MOBILE_PREFIXES = (
    "135",
    "136",
    "137",
    "138",
    "139",
    "150",
    "151",
    "158",
    "159",
    "177",
    "186",
    "187",
    "188",
    "189",
    "199",
)
PLATE_LETTERS = "ABCDEFGHJKLMN"
MEDIA = ("市电视台", "晚报", "本地新闻客户端")

# Hour-of-day weights (local time) on working days and on weekends and holidays.
HOURS_WORK = [
    0.25,
    0.12,
    0.08,
    0.05,
    0.05,
    0.1,
    0.3,
    0.9,
    2.2,
    4.6,
    5.0,
    4.4,
    2.4,
    3.0,
    4.5,
    4.8,
    4.5,
    3.8,
    2.3,
    2.1,
    2.0,
    1.7,
    1.2,
    0.6,
]
HOURS_REST = [
    0.35,
    0.2,
    0.1,
    0.05,
    0.05,
    0.08,
    0.2,
    0.5,
    1.2,
    2.2,
    3.0,
    3.2,
    2.4,
    2.4,
    2.9,
    3.0,
    2.9,
    2.6,
    2.2,
    2.4,
    2.6,
    2.2,
    1.6,
    0.8,
]


def workday(d: date) -> bool:
    return d in EXTRA_WORKDAYS or (d.weekday() < 5 and d not in CLOSED)


def iso(t: datetime) -> str:
    return t.isoformat()


def lang_pick(lang: str, pair):
    return pair[0] if lang == "zh" else pair[1]


@dataclass
class Complaint:
    """One complaint as generated: the intake record, what the profile's rules decide, its
    events, and what the survey needs to know."""

    received: datetime
    channel: str
    category: str
    sub: str
    name: str
    contact: str
    building: str
    unit: str
    content: str
    remedy: str
    reporters: int
    lang: str
    month: Tuple[int, int]
    tags: List[str] = field(default_factory=list)
    id: str = ""
    repeat_of: Optional["Complaint"] = None
    repeat_count: int = 0
    major_by_manager: bool = False
    cannot_judge: bool = False
    nature: str = "unjudged"
    kind: str = "complaint"  # as the default profile decides it (`kind` section)
    severity: str = "unset"
    events: List[Dict[str, Any]] = field(default_factory=list)
    late: bool = False
    first_outcome: bool = True  # satisfied at the first return visit
    visit_at: Optional[datetime] = None  # the first return visit
    feedback_hours: float = 0.0
    resolve_hours: float = 0.0


class Gen:
    def __init__(self, seed: int = SEED):
        self.r = random.Random(seed)

    # -- small helpers ------------------------------------------------------------------------
    def weighted(self, items, weights):
        return self.r.choices(items, weights=weights, k=1)[0]

    def hours(self, median: float, sigma: float, lo: float = 0.0, hi: float = 1e9) -> float:
        return min(hi, max(lo, self.r.lognormvariate(math.log(median), sigma)))

    def secs(self, lo: float, hi: float) -> timedelta:
        return timedelta(seconds=self.r.randint(int(lo), int(hi)))

    def daytime(self, t: datetime, lo: int = 8, hi: int = 20) -> datetime:
        """t, moved forward into lo:00-hi:00 local time when it falls outside."""
        if t.hour < lo:
            return t.replace(hour=lo, minute=0, second=0) + self.secs(0, 3600)
        if t.hour >= hi:
            nxt = (t + timedelta(days=1)).replace(hour=lo, minute=0, second=0)
            return nxt + self.secs(0, 3600)
        return t

    def office(self, t: datetime) -> datetime:
        """The first instant at or after t in the office hours of the default profile."""
        while True:
            if workday(t.date()):
                opening = t.replace(hour=9, minute=0, second=0)
                if t < opening:
                    return opening
                if t < t.replace(hour=18, minute=0, second=0):
                    return t
            t = datetime(t.year, t.month, t.day, tzinfo=TZ) + timedelta(days=1)

    # -- intake -------------------------------------------------------------------------------
    def fill(self, text: str, building: str, unit: str) -> str:
        r = self.r
        floors = dict((b, fl) for b, fl, _, _ in BUILDINGS)[building]
        flat = unit.split("-")[-1]
        floor = int(flat[:-2]) if unit else r.randint(2, floors)
        slots = {
            "b": building,
            "f": floor,
            "uf": "%d%s" % (min(floor + 1, floors), flat[-2:]) if unit else "楼上",
            "lift": r.randint(1, 2),
            "m": r.choice((15, 20, 25, 30, 40)),
            "n": r.randint(3, 6),
            "d": r.randint(2, 6),
            "amt": r.choice((86, 120, 156, 240, 312, 480)),
            "plate": "沪%s·%05d" % (r.choice(PLATE_LETTERS), r.randint(10000, 99999)),
            "t": r.choice(("6 am", "7 am", "8 am")),
            "zone": r.choice("ABCD"),
            "gate": r.choice(("north", "south", "east")),
        }
        return text.format(**slots)

    def pick_building(self, sub: str) -> str:
        bias = BUILDING_BIAS.get(sub, {})
        names = [b for b, _, _, _ in BUILDINGS]
        weights = [(fl - 1) * per * ent * bias.get(b, 1.0) for b, fl, per, ent in BUILDINGS]
        return self.weighted(names, weights)

    def pick_unit(self, building: str) -> str:
        floors, per, entrances = [(fl, p, e) for b, fl, p, e in BUILDINGS if b == building][0]
        flat = "%d%02d" % (self.r.randint(2, floors), self.r.randint(1, per))
        return flat if entrances == 1 else "%d-%s" % (self.r.randint(1, entrances), flat)

    def pick_channel(self, t: datetime) -> str:
        office_hours = workday(t.date()) and 9 <= t.hour < 18
        rota = not workday(t.date()) and 9 <= t.hour < 17
        if office_hours:
            table = {
                "phone": 44,
                "visit": 20,
                "online": 22,
                "letter": 4.5,
                "other": 4,
                "authority": 1.2,
                "media": 0.35,
            }
        elif rota:
            table = {"phone": 55, "visit": 12, "online": 27, "other": 4, "authority": 0.3}
        elif 8 <= t.hour < 21:
            table = {"phone": 58, "visit": 6, "online": 31, "other": 5}
        else:
            table = {"phone": 64, "online": 32, "other": 4}
        names = list(table)
        return self.weighted(names, [table[k] for k in names])

    def pick_sub(self, channel: str, t: datetime, month) -> str:
        night = t.hour >= 21 or t.hour < 7
        names, weights = [], []
        for sub, (cat, w, _, _) in SUBS.items():
            w *= MONTH_BIAS[month].get(sub, 1.0)
            if night:
                w *= NIGHT_BIAS.get(sub, 1.0)
            if channel == "letter" and sub not in ALLOWED_BY_LETTER:
                w = 0.0
            if channel == "authority" and sub not in FOR_AUTHORITIES:
                w = 0.0
            if channel == "media" and sub not in FOR_MEDIA:
                w = 0.0
            if channel == "visit" and cat == "sudden_event":
                w *= 0.2
            if channel == "online" and cat == "sudden_event":
                w *= 0.3
            if channel in ("visit", "online") and sub == "consultation":
                w *= 1.5
            if t.date() in CLOSED and sub == "renovation":
                w *= 0.5
            names.append(sub)
            weights.append(w)
        return self.weighted(names, weights)

    def person(self, lang: str, channel: str):
        r = self.r
        if lang == "zh":
            name = r.choice(ZH_SURNAMES) + r.choice(("先生", "女士"))
        else:
            name = r.choice(EN_NAMES)
        contact = "%s****%04d" % (r.choice(MOBILE_PREFIXES), r.randint(0, 9999))
        if channel == "online" and r.random() < 0.3:
            name = ""
        if channel == "letter" and r.random() < 0.6:
            contact = ""
        if channel in ("authority", "media"):
            name = name if r.random() < 0.5 else ""
        return name, contact

    def intake(
        self,
        t: datetime,
        month,
        channel=None,
        sub=None,
        building=None,
        unit=None,
        lang=None,
        reporters=None,
        content=None,
        name=None,
        contact=None,
    ):
        r = self.r
        channel = channel or self.pick_channel(t)
        sub = sub or self.pick_sub(channel, t, month)
        cat = SUBS[sub][0]
        building = building or self.pick_building(sub)
        if unit is None:
            # Flat-level trouble comes with the flat; public areas often do not.
            p_unit = 0.92 if sub in FLAT_LEVEL else 0.45 if sub == "consultation" else 0.6
            unit = self.pick_unit(building) if r.random() < p_unit else ""
        if lang is None:
            lang = "zh" if channel in ("authority", "media") or r.random() < 0.72 else "en"
        if content is None:
            zh, en = SUBS[sub][2], SUBS[sub][3]
            content = self.fill(r.choice(zh if lang == "zh" else en), building, unit)
            if cat == "attitude" and r.random() < 0.3:
                content = (
                    r.choice(VENTING_ZH if lang == "zh" else VENTING_EN)
                    + ("。" if lang == "zh" else ". ")
                    + content
                )
        if reporters is None:
            x = r.random()
            collective = sub in COLLECTIVE or channel == "letter"
            if collective and x < 0.012:
                reporters = r.randint(30, 80)
            elif collective and x < 0.045:
                reporters = r.randint(10, 29)
            elif x < 0.93:
                reporters = 1
            else:
                reporters = r.randint(2, 5)
        if reporters >= 10 and not content.startswith(("12345", "Joint")):
            content = (
                "%d户业主联名反映：" % reporters
                if lang == "zh"
                else "Joint complaint from %d households: " % reporters
            ) + content
        if channel == "authority":
            content = "12345市民热线转办：" + content
        elif channel == "media":
            content = "%s记者来电：业主反映" % r.choice(MEDIA) + content
        if name is None:
            name, contact = self.person(lang, channel)
        remedy = ""
        if sub in REMEDY and r.random() < 0.4:
            remedy = lang_pick(lang, REMEDY[sub])
        return Complaint(
            received=t,
            channel=channel,
            category=cat,
            sub=sub,
            name=name,
            contact=contact,
            building=building,
            unit=unit,
            content=content,
            remedy=remedy,
            reporters=reporters,
            lang=lang,
            month=month,
        )

    def month_intake(self, month):
        r = self.r
        year, mon = month
        day = date(year, mon, 1)
        out = []
        while day.month == mon:
            work = workday(day)
            mean = DAILY_MEAN[month] * (1.0 if work else 0.78 if day not in CLOSED else 0.85)
            if day in (date(2026, 10, 8), date(2026, 9, 28)):
                mean *= 1.3  # the backlog after a holiday
            n = max(0, int(round(r.gauss(mean, math.sqrt(mean)))))
            hours = HOURS_WORK if work else HOURS_REST
            for _ in range(n):
                h = self.weighted(range(24), hours)
                t = datetime(year, mon, day.day, h, r.randint(0, 59), r.randint(0, 59), tzinfo=TZ)
                out.append(self.intake(t, month))
            day += timedelta(days=1)
        # Repeat complaints: the same flat again about the same thing, a few days later.
        candidates = [
            c
            for c in out
            if c.unit
            and c.sub in REPEATABLE
            and c.channel not in ("authority", "media", "letter")
            and c.reporters < 10
        ]
        for first in r.sample(candidates, 26):
            prev = first
            for k in range(r.choice((1, 1, 2, 2, 3))):
                t = prev.received + timedelta(hours=r.uniform(20, 200))
                if t.month != mon:
                    break
                t = t.replace(hour=r.choice((8, 9, 10, 11, 14, 15, 16, 19, 20)))
                if first.lang == "zh":
                    prefix = "再次反映：" if k == 0 else "第%d次反映了，还是没解决：" % (k + 2)
                else:
                    prefix = (
                        "Reporting again: "
                        if k == 0
                        else "Reporting this for the %s time: "
                        % (("third", "fourth", "fifth")[k - 1])
                    )
                c = self.intake(
                    t,
                    month,
                    channel=r.choice(("phone", "phone", "visit", "online")),
                    sub=first.sub,
                    building=first.building,
                    unit=first.unit,
                    lang=first.lang,
                    reporters=1,
                    name=first.name,
                    contact=first.contact,
                )
                c.content = prefix + c.content
                c.repeat_of = prev
                c.tags.append("repeat")
                out.append(c)
                prev = c
        out.extend(self.incidents(month))
        return out

    def incidents(self, month):
        """The month's notable cases: an outage, a flood, a media enquiry, joint letters."""
        r = self.r
        out = []

        def at(d, h, mi):
            return datetime(month[0], month[1], d, h, mi, r.randint(0, 59), tzinfo=TZ)

        def calls(t0, n, sub, building, zh, en):
            for i in range(n):
                t = t0 + timedelta(minutes=r.randint(1, 70))
                lang = "zh" if r.random() < 0.75 else "en"
                out.append(
                    self.intake(
                        t,
                        month,
                        channel="phone",
                        sub=sub,
                        building=building,
                        unit=self.pick_unit(building),
                        lang=lang,
                        reporters=1,
                        content=self.fill(zh if lang == "zh" else en, building, ""),
                    )
                )

        if month == (2026, 9):
            t = at(9, 14, 20)
            out.append(
                self.intake(
                    t,
                    month,
                    channel="phone",
                    sub="power_outage",
                    building="A4",
                    unit="1203",
                    lang="zh",
                    reporters=46,
                    content="A4栋整栋楼突然停电，电梯也停了",
                )
            )
            calls(t, 11, "power_outage", "A4", "{b}栋突然停电了", "Power cut in {b}, the lifts stopped")
            out.append(
                self.intake(
                    at(18, 8, 40),
                    month,
                    channel="phone",
                    sub="elevator_trapped",
                    building="B2",
                    unit="2-1102",
                    lang="zh",
                    reporters=1,
                    content="电梯困人！B2栋2号电梯卡在11楼，里面有老人",
                )
            )
            out.append(
                self.intake(
                    at(23, 10, 5),
                    month,
                    channel="authority",
                    sub="noise",
                    building="A3",
                    unit="2206",
                    lang="zh",
                    reporters=1,
                    content="楼上装修噪音太大，早上七点就开始电钻，物业不管",
                )
            )
            out.append(
                self.intake(
                    at(15, 9, 30),
                    month,
                    channel="letter",
                    sub="fees",
                    building="A1",
                    unit="",
                    lang="zh",
                    reporters=34,
                    content="公摊水电费每个月都在涨，要求公开明细",
                )
            )
        else:
            t = at(14, 6, 50)
            c = self.intake(
                t,
                month,
                channel="phone",
                sub="burst_pipe",
                building="B3",
                unit="1-302",
                lang="zh",
                reporters=38,
                content="B3栋地下室主水管爆裂，车库大面积积水，几十辆车被淹",
            )
            c.major_by_manager = True
            out.append(c)
            calls(
                t,
                13,
                "burst_pipe",
                "B3",
                "地下车库进水了，我的车还在里面",
                "The garage under {b} is flooding and my car is down there",
            )
            out.append(
                self.intake(
                    at(21, 15, 10),
                    month,
                    channel="media",
                    sub="fees",
                    building="A5",
                    unit="",
                    lang="zh",
                    reporters=1,
                    content="停车费上涨没有经过业主大会表决",
                )
            )
            out.append(
                self.intake(
                    at(4, 21, 15),
                    month,
                    channel="phone",
                    sub="noise",
                    building="B1",
                    unit="1-605",
                    lang="zh",
                    reporters=23,
                    content="国庆假期广场舞音乐太吵，晚上十点还没停",
                )
            )
            out.append(
                self.intake(
                    at(26, 10, 20),
                    month,
                    channel="letter",
                    sub="parking",
                    building="A6",
                    unit="",
                    lang="zh",
                    reporters=31,
                    content="地库道闸老是抬不起来，早高峰入口排队太久",
                )
            )
            c = self.intake(
                at(9, 19, 45),
                month,
                channel="phone",
                sub="elevator_trapped",
                building="A2",
                unit="2504",
                lang="zh",
                reporters=1,
                content="电梯困人！A2栋1号电梯卡在17楼快一个小时了，孩子吓坏了",
            )
            c.major_by_manager = True
            out.append(c)
        return out

    # -- judgement: the default profile's rules, mirrored ----------------------------------
    @staticmethod
    def judge(c: Complaint):
        text = c.content.lower()

        def has(*words):
            return any(w in text for w in words)

        if c.channel in ("authority", "media"):
            nature = "major"
        elif "outside_scope" in c.tags:
            nature = "invalid"
        elif has(*QUESTION_WORDS) and c.category in ("other", "quality"):
            nature = "consulting"
        elif has("求助", "帮忙", "帮助", "please help", "elderly", "老人"):
            nature = "help_seeking"
        elif (
            has("太差", "气死", "投诉你们", "terrible", "worst", "unacceptable")
            and c.category == "attitude"
        ):
            nature = "venting"
        else:
            nature = "valid"
        sev = 4
        if c.category == "sudden_event" or c.channel in ("authority", "media"):
            sev = 1
        if c.reporters >= 10 or c.repeat_count >= 2:
            sev = min(sev, 2)
        if c.category == "equipment":
            sev = min(sev, 3)
        if c.major_by_manager:
            nature, sev = "major", 1
        return nature, "p%d" % sev

    @staticmethod
    def kind(c: Complaint) -> str:
        """The default profile's `kind` section, mirrored: an equipment request is a repair; a
        question (other or quality) is a consultation unless it reached the authorities or the
        media, comes from ten or more households, or its words are a grievance's."""
        text = c.content.lower()
        if c.category == "equipment":
            return "repair"
        if (
            c.category in ("other", "quality")
            and c.channel not in ("authority", "media")
            and c.reporters < 10
            and any(w in text for w in QUESTION_WORDS)
            and not any(w in text for w in GRIEVANCE_WORDS)
        ):
            return "consultation"
        return "complaint"

    @staticmethod
    def rule_tags(c: Complaint):
        text = c.content.lower()
        tags = []
        for tag, words in (
            ("water", ("漏水", "渗水", "leak", "water")),
            ("elevator", ("电梯", "elevator", "lift")),
            ("noise", ("噪音", "noise", "noisy")),
        ):
            if any(w in text for w in words):
                tags.append(tag)
        if c.reporters >= 10:
            tags.append("collective")
        return tags

    @staticmethod
    def policy(c: Complaint) -> str:
        text = c.content.lower()
        if c.nature == "consulting":
            return "consultation"
        if c.category == "sudden_event":
            return "repair_urgent"
        if c.category == "equipment":
            if any(
                w in text for w in ("停电", "停水", "电梯困人", "trapped", "power cut", "no water", "burst")
            ):
                return "repair_urgent"
            return "repair"
        return "complaint"

    # -- lifecycles ---------------------------------------------------------------------------
    def lifecycle(self, c: Complaint):
        r = self.r
        lang = c.lang
        ev = []
        extra = []  # (instant, event) inserted in time order afterwards: SLA escalations
        state = {"t": c.received}

        def add(typ, at, role, note=None, **details):
            at = max(at, state["t"] + self.secs(30, 90))
            at = at.replace(microsecond=0)
            e = {"type": typ, "at": at, "role": role}
            if note:
                e["note"] = lang_pick(lang, note) if isinstance(note, tuple) else note
            e.update(details)
            ev.append(e)
            state["t"] = at
            return at

        nature, severity = c.nature, c.severity
        policy = self.policy(c)
        received = c.received
        slow = 1.0 if workday(received.date()) else 1.6

        # Receive, record (within the hour), judge.
        if c.channel == "letter":
            t = add("record", received + self.secs(600, 4800), "duty_staff")
        elif r.random() < 0.02:
            t = add("record", received + self.secs(3700, 9000), "duty_staff")
        else:
            t = add("record", received + self.secs(40, 900), "duty_staff")
        owner = "duty_staff"
        if c.major_by_manager or c.cannot_judge:
            t = add(
                "escalate",
                t + self.secs(120, 900),
                "duty_staff",
                NOTE["serious"] if c.major_by_manager else NOTE["cannot_judge"],
                target="cs_manager",
            )
            owner = "cs_manager"
            t = add(
                "classify", t + self.secs(600, 3600), "cs_manager", nature=nature, severity=severity
            )
        else:
            t = add(
                "classify", t + self.secs(30, 1200), "duty_staff", nature=nature, severity=severity
            )

        if nature == "invalid":
            actor = "duty_staff"
            if owner == "cs_manager":
                actor = "cs_manager"
            elif c.channel == "visit" and r.random() < 0.5 or r.random() < 0.1:
                t = add("escalate", t + self.secs(120, 1800), owner, target="cs_manager")
                actor = "cs_manager"
            t = add(
                "explain",
                t + self.secs(300, 5400),
                actor,
                EXPLAIN_NOTE[c.sub] if actor == "duty_staff" else NOTE["explain_mgr"],
            )
            add("close", t + self.secs(60, 1800), actor)
            return ev, None

        # Route: major to the general manager; p1/p2 by rule to the CS manager.
        if nature == "major":
            if owner != "cs_manager":
                t = add(
                    "escalate", t + self.secs(60, 600), owner, NOTE["major"], target="cs_manager"
                )
            t = add(
                "escalate",
                t + self.secs(300, 2400),
                "cs_manager",
                NOTE["to_gm"],
                target="general_manager",
            )
            handler = "general_manager" if r.random() < 0.3 else "cs_manager"
            t = add("assign", t + self.secs(300, 3600), "general_manager", target=handler)
        elif severity in ("p1", "p2") and owner == "duty_staff":
            t = add(
                "escalate", t + self.secs(60, 600), "duty_staff", NOTE["rule"], target="cs_manager"
            )
            handler = "cs_manager" if r.random() < 0.4 else "cs_assistant"
            t = add("assign", t + self.secs(120, 1800), "cs_manager", target=handler)
        else:
            handler = "cs_assistant"
            t = add("assign", t + self.secs(60, 1200), owner, target=handler)
        owner = handler

        # Lateness: the share of complaints resolved well past 72 hours. Higher around the
        # holidays, when the office runs on a rota.
        d = received.date()
        p_late = {(2026, 9): 0.045, (2026, 10): 0.075}[c.month]
        if date(2026, 9, 24) <= d <= date(2026, 9, 27) or date(2026, 9, 30) <= d <= date(
            2026, 10, 7
        ):
            p_late *= 2.4
        if policy == "consultation":
            p_late = 0.0
        elif policy == "repair_urgent":
            p_late *= 0.3
        elif nature == "major":
            p_late *= 1.5
        late = r.random() < p_late
        feedback_late = False

        # Start: the first feedback.
        consult_late = False
        if policy == "consultation":
            base = self.office(t)
            if base - t > timedelta(hours=20):
                base = self.daytime(t, 9, 17)  # the weekend and holiday rota answers
            if base == t and r.random() < 0.08:
                consult_late = True
            start = add("start", base + self.secs(60, 900), owner)
            if consult_late:
                end = start + self.secs(4500, 20000)
            else:
                end = start + self.secs(240, 2400)
        else:
            if policy == "repair_urgent":
                start = t + self.secs(300, 2700)
            elif r.random() < (0.035 if c.month == (2026, 9) else 0.05) * (2 if late else 1):
                start = received + timedelta(hours=r.uniform(25, 40))
                feedback_late = True
            else:
                start = self.daytime(t + timedelta(hours=self.hours(1.2 * slow, 0.9, 0.1, 16)))
            note = None
            if r.random() < 0.35:
                note = NOTE["dispatch"] if c.category == "equipment" else NOTE["contact"]
            start = add("start", start, owner, note)
            if feedback_late:
                extra.append(
                    (
                        received + timedelta(hours=24, seconds=r.randint(0, 600)),
                        {
                            "type": "escalate",
                            "target": "cs_manager",
                            "note": lang_pick(lang, NOTE["feedback"]),
                        },
                    )
                )
            if late:
                end = received + timedelta(hours=r.uniform(78, 230))
            elif policy == "repair_urgent":
                end = start + timedelta(hours=self.hours(2.5, 0.7, 0.3, 20))
            elif policy == "repair":
                end = self.daytime(start + timedelta(hours=self.hours(5 * slow, 1.0, 0.5, 40)))
            else:
                end = self.daytime(start + timedelta(hours=self.hours(16 * slow, 0.8, 1, 60)))
            if not late and end > received + timedelta(hours=70):
                end = received + timedelta(hours=r.uniform(50, 70))

        # Waiting for parts, a contractor or the resident.
        if (
            policy != "consultation"
            and policy != "repair_urgent"
            and (r.random() < (0.7 if late else 0.1))
        ):
            span = (end - start).total_seconds()
            w = add(
                "wait",
                start + timedelta(seconds=span * r.uniform(0.05, 0.3)),
                owner,
                r.choice(WAIT_NOTES),
            )
            add(
                "resume",
                w + timedelta(seconds=(end - w).total_seconds() * r.uniform(0.5, 0.9)),
                owner,
            )
        if consult_late:
            add(
                "classify",
                state["t"] + self.secs(600, 1800),
                owner,
                NOTE["reclass_late"],
                nature="valid",
                severity=severity,
            )
            nature = "valid"
        if late:
            limit = {"repair": 48, "repair_urgent": 24}.get(policy, 72)
            extra.append(
                (
                    received + timedelta(hours=limit * 0.8, seconds=r.randint(0, 900)),
                    {
                        "type": "escalate",
                        "target": "cs_manager",
                        "note": lang_pick(lang, NOTE["warn"]),
                    },
                )
            )
            extra.append(
                (
                    received + timedelta(hours=limit, seconds=r.randint(0, 900)),
                    {
                        "type": "escalate",
                        "target": "general_manager",
                        "note": lang_pick(lang, NOTE["breach"]),
                    },
                )
            )
            if nature in ("help_seeking", "venting"):
                extra.append(
                    (
                        received + timedelta(hours=72, seconds=r.randint(900, 3600)),
                        {
                            "type": "classify",
                            "nature": "valid",
                            "severity": severity,
                            "note": lang_pick(lang, NOTE["reclass_late"]),
                        },
                    )
                )
                nature = "valid"
        rnote = SUDDEN_NOTE if c.category == "sudden_event" else RESOLVE_NOTE.get(c.sub)
        t = add("resolve", end, owner, rnote if r.random() < 0.7 else None)
        c.feedback_hours = (start - received).total_seconds() / 3600
        c.resolve_hours = (t - received).total_seconds() / 3600

        # Return visits until the complainant is satisfied (闭环).
        if nature == "major":
            method = "on_site"
        elif c.reporters >= 30:
            method = "public_notice"
        elif c.reporters >= 10:
            method = "meeting"
        else:
            method = "phone"
        p_unsat = (
            0.035
            + (0.2 if late else 0)
            + (0.06 if feedback_late else 0)
            + (0.04 if c.category == "attitude" else 0)
            + (0.04 if nature == "venting" else 0)
            + (0.06 if c.repeat_of else 0)
            + (0.05 if nature == "major" else 0)
            + (0.025 if c.month == (2026, 10) else 0)
            - (0.025 if policy == "consultation" else 0)
        )
        first = True
        rounds = 0
        gm_visits = c.month == (2026, 10)
        while True:
            rounds += 1
            if method == "on_site":
                visitor = "general_manager" if gm_visits and r.random() < 0.45 else "cs_manager"
                v = self.daytime(t + timedelta(hours=r.uniform(10, 60)), 9, 17)
                outcome_at = v + self.secs(1200, 5400)
            elif method == "meeting":
                visitor = "cs_manager"
                v = (t + timedelta(days=r.randint(1, 4))).replace(hour=19, minute=30, second=0)
                outcome_at = v + self.secs(3600, 6000)
            elif method == "public_notice":
                visitor = "cs_manager"
                v = self.daytime(t + timedelta(hours=r.uniform(8, 40)), 9, 17)
                outcome_at = v + timedelta(hours=r.uniform(24, 72))
            else:
                p_mgr = 0.35 if severity in ("p1", "p2") or not first else 0.012
                visitor = "cs_manager" if r.random() < p_mgr else "cs_assistant"
                v = self.daytime(t + timedelta(hours=self.hours(5, 0.9, 0.3, 40)), 9, 20)
                outcome_at = v + self.secs(120, 900)
            v = add("visit", v, visitor, method=method)
            if first:
                c.visit_at = v
            unsat = r.random() < (p_unsat if rounds == 1 else 0.12 if rounds == 2 else 0.0)
            if first:
                c.first_outcome = not unsat
                first = False
            if not unsat:
                t = add("satisfied", outcome_at, visitor)
                break
            u = add("unsatisfied", outcome_at, visitor, r.choice(UNSAT_NOTES), deadline=None)
            deadline = u + timedelta(hours=r.choice((48, 72, 72, 120)))
            ev[-1]["deadline"] = deadline
            t = u
            if nature in ("help_seeking", "venting", "consulting"):
                t = add(
                    "classify",
                    t + self.secs(600, 7200),
                    "cs_manager",
                    NOTE["reclass_visit"],
                    nature="valid",
                    severity=severity,
                )
                nature = "valid"
            if r.random() < 0.5 and ROLE_RANK[owner] < ROLE_RANK["cs_manager"]:
                t = add(
                    "assign",
                    t + self.secs(600, 7200),
                    "cs_manager",
                    NOTE["takeover"],
                    target="cs_manager",
                )
                owner = "cs_manager"
            window = (deadline - t).total_seconds()
            if r.random() < 0.13:
                fix = deadline + timedelta(hours=r.uniform(6, 60))
                if ROLE_RANK[owner] < ROLE_RANK["cs_manager"]:
                    extra.append(
                        (
                            deadline + self.secs(60, 1800),
                            {
                                "type": "escalate",
                                "target": "cs_manager",
                                "note": lang_pick(lang, NOTE["rect_breach"]),
                            },
                        )
                    )
            else:
                fix = t + timedelta(seconds=window * r.uniform(0.2, 0.9))
            t = add("resolve", self.daytime(fix), owner, rnote if r.random() < 0.5 else None)

        # A few closed complaints come back: the leak returns, the noise starts again.
        p_reopen = (
            0.03
            if c.sub
            in ("water_leak", "drainage", "elevator", "noise", "repair_quality", "door_access")
            else 0.006
        )
        if nature != "major" and r.random() < p_reopen:
            t = add(
                "reopen",
                self.daytime(t + timedelta(days=r.uniform(2, 12))),
                "duty_staff",
                NOTE["reopen"],
            )
            new_nature = "valid" if nature in ("help_seeking", "venting", "consulting") else nature
            t = add(
                "classify",
                t + self.secs(60, 1200),
                "duty_staff",
                NOTE["reclass_reopen"],
                nature=new_nature,
                severity=severity,
            )
            owner = "cs_assistant"
            t = add("assign", t + self.secs(60, 1200), "duty_staff", target=owner)
            t = add(
                "start",
                self.daytime(t + timedelta(hours=self.hours(1.5, 0.8, 0.2, 12))),
                owner,
                NOTE["dispatch"] if c.category == "equipment" else None,
            )
            t = add(
                "resolve",
                self.daytime(t + timedelta(hours=self.hours(8, 0.9, 1, 48))),
                owner,
                rnote,
            )
            t = add(
                "visit",
                self.daytime(t + timedelta(hours=self.hours(5, 0.8, 0.5, 30)), 9, 20),
                "cs_manager",
                method=method,
            )
            add("satisfied", t + self.secs(120, 900), "cs_manager")

        ev = self.merge(ev, extra)
        return ev, late

    def merge(self, ev, extra):
        """Inserts the SLA escalations and re-judgements at their instants, where the state
        allows them and, for an escalation, only when it goes up the role chain."""
        for when, e in sorted(extra, key=lambda x: x[0]):
            when = when.replace(microsecond=0)
            i = 0
            while i < len(ev) and ev[i]["at"] <= when:
                i += 1
            if i == 0 or i == len(ev):
                continue
            if when <= ev[i - 1]["at"]:
                when = ev[i - 1]["at"] + timedelta(seconds=1)
            if when >= ev[i]["at"]:
                continue
            state, owner = replay(ev[:i])
            if e["type"] not in TABLE[state]:
                continue
            if e["type"] == "escalate" and ROLE_RANK[e["target"]] <= ROLE_RANK[owner]:
                continue
            new = {"type": e["type"], "at": when, "role": owner}
            for k in ("note", "nature", "severity", "target"):
                if k in e:
                    new[k] = e[k]
            ev.insert(i, new)
        return ev

    # -- surveys ------------------------------------------------------------------------------
    def survey(self, c: Complaint):
        r = self.r

        def pick(dist):
            keys = list(dist)
            return self.weighted(keys, [dist[k] for k in keys])

        def clamp(x):
            return max(1, min(5, x))

        if not c.first_outcome:
            overall = pick({1: 0.25, 2: 0.42, 3: 0.33})
        elif c.late:
            overall = pick({2: 0.04, 3: 0.2, 4: 0.5, 5: 0.26})
        else:
            overall = pick({2: 0.005, 3: 0.035, 4: 0.38, 5: 0.58})
        noise = {-1: 0.2, 0: 0.6, 1: 0.2}
        if c.late:
            speed = clamp(overall - pick({0: 0.2, 1: 0.5, 2: 0.3}))
        elif (c.resolve_hours or 0) < 12:
            speed = clamp(overall + pick({0: 0.6, 1: 0.4}))
        else:
            speed = clamp(overall + pick(noise))
        attitude = clamp(
            overall
            + pick({-1: 0.1, 0: 0.6, 1: 0.3})
            - (1 if c.category == "attitude" and r.random() < 0.5 else 0)
        )
        quality = clamp(overall + pick(noise))
        result = clamp(overall + pick({-1: 0.15, 0: 0.75, 1: 0.1}))
        base = {5: (8, 10), 4: (6, 9), 3: (4, 7), 2: (1, 5), 1: (0, 3)}[overall]
        recommend = r.randint(*base)
        row = [speed, attitude, quality, result]
        row = [("" if r.random() < 0.04 else v) for v in row]
        overall_cell = "" if r.random() < 0.015 else overall
        rec_cell = "" if r.random() < 0.12 else recommend
        return row + [overall_cell, rec_cell]

    # -- the whole run ------------------------------------------------------------------------
    def run(self):
        months = {}
        for month in MONTHS:
            months[month] = self.month_intake(month)
        everyone = []
        for month in MONTHS:
            lst = sorted(months[month], key=lambda c: c.received)
            for i, c in enumerate(lst, 1):
                c.id = "%04d-%02d-%04d" % (month[0], month[1], i)
            months[month] = lst
            everyone.extend(lst)
        # Repeat count: earlier complaints from the same flat within 30 days.
        by_unit = {}
        for c in everyone:
            if not c.unit:
                continue
            key = (c.building, c.unit)
            earlier = by_unit.setdefault(key, [])
            c.repeat_count = sum(
                1 for e in earlier if c.received - e.received <= timedelta(days=30)
            )
            earlier.append(c)
        for c in everyone:
            if c.sub in OUTSIDE_SCOPE:
                c.tags.append("outside_scope")
            if c.received.date() in CLOSED:
                c.tags.append("holiday")
            for tag in self.rule_tags(c):
                if tag not in c.tags:
                    c.tags.append(tag)
            c.cannot_judge = (
                not c.major_by_manager
                and c.channel not in ("authority", "media")
                and self.r.random() < 0.015
            )
            c.nature, c.severity = self.judge(c)
            events, late = self.lifecycle(c)
            c.late = bool(late)
            c.events = [e for e in events if e["at"] < EXPORT]
            replay(c.events)  # raises on an illegal sequence
        surveys = {}
        for month in MONTHS:
            rows = []
            for c in months[month]:
                if c.visit_at is not None and c.visit_at < EXPORT:
                    rows.append([c.id, c.building, iso(c.visit_at)] + self.survey(c))
            surveys[month] = rows
        staff(months, surveys)
        # Consultations (issue 15): drawn above as complaints, so that every other case's draws,
        # people's included, stay what they were; now what a consultation's desk does: the
        # first `resolve` becomes the `answer` that closes it (same instant and handler), and
        # nothing follows (no return visit, no reopen), so no survey response either.
        for month in MONTHS:
            for c in months[month]:
                c.kind = self.kind(c)
                if c.kind == "consultation":
                    answer_instead(c)
            answered = set(c.id for c in months[month] if c.kind == "consultation")
            surveys[month] = [row for row in surveys[month] if row[0] not in answered]
        return months, surveys


def answer_instead(c: Complaint) -> None:
    """A consultation's events: those before its first `resolve`, which becomes the `answer`."""
    out = []
    for e in c.events:
        if e["type"] == "resolve":
            a = dict(e, type="answer")
            if "note" in a:
                a["note"] = lang_pick(c.lang, RESOLVE_NOTE["consultation"])
            out.append(a)
            break
        out.append(e)
    c.events = out
    c.visit_at = None
    replay(c.events, "consultation")  # raises on an illegal sequence


def replay(events, kind="complaint"):
    """State and owner after the events, by the README's table of the kind (a repair's events
    here are a complaint's); raises on a bad sequence."""
    table = TABLES[kind]
    state, owner, last = "received", "duty_staff", None
    for e in events:
        typ = e["type"]
        if typ not in table[state]:
            raise ValueError("event %s not allowed in state %s" % (typ, state))
        if last is not None and e["at"] <= last:
            raise ValueError("event %s at %s is not after %s" % (typ, e["at"], last))
        last = e["at"]
        if typ in ("assign", "escalate"):
            if typ == "escalate" and ROLE_RANK[e["target"]] <= ROLE_RANK[owner]:
                raise ValueError("escalation down the chain")
            owner = e["target"]
        state = table[state][typ]
    return state, owner


# ---------------------------------------------------------------------------------------------
# People (issue 15): who did each event and which team carries each case. Drawn after everything
# else with a random stream of its own, so that every time, outcome and survey answer above is
# what it was before people were added: only the `handler` and `team` keys are new. A case goes
# to one of its team's staff with a weight that depends on how the case went (slow, reopened,
# unsatisfied at the visit, a low survey score) and on the member's skill, so that some handlers
# are clearly better than others, most are in between, and a few have too few cases to judge.
PEOPLE_SEED = SEED + 15

# The staff of the estate's office, pseudonymous: (id, team, role in the event logs, skill,
# load). Skill: < 0 better than most (draws the cases that went well), > 0 poorer (draws the
# slow, reopened and unsatisfied ones); load: the member's share of the team's work. The
# general manager (gm-01) belongs to no team: the default profile's teams hold no
# general_manager role.
STAFF = (
    # customer service (客服中心): the duty desk (records, judges, assigns), the specialists
    # (handle what no department takes, answer consultations, make the phone return visits)
    # and the CS managers (raised cases, take-overs, visits on site and meetings)
    ("cs-01", "customer_service", "duty_staff", 0.0, 1.0),
    ("cs-02", "customer_service", "duty_staff", 0.0, 1.0),
    ("cs-03", "customer_service", "duty_staff", 0.0, 1.0),
    ("cs-04", "customer_service", "duty_staff", 0.0, 1.0),
    ("cs-05", "customer_service", "duty_staff", 0.0, 1.0),
    ("cs-06", "customer_service", "cs_assistant", -0.8, 1.3),
    ("cs-07", "customer_service", "cs_assistant", -0.2, 1.0),
    ("cs-08", "customer_service", "cs_assistant", 0.0, 1.0),
    ("cs-09", "customer_service", "cs_assistant", 0.2, 1.0),
    ("cs-10", "customer_service", "cs_assistant", 1.2, 1.0),
    ("cs-11", "customer_service", "cs_assistant", -0.3, 0.45),  # part-time
    ("cs-12", "customer_service", "cs_assistant", 0.8, 0.1),  # new to the job
    ("mgr-01", "customer_service", "cs_manager", 0.0, 1.0),
    ("mgr-02", "customer_service", "cs_manager", 0.0, 1.0),  # deputy: weekends and holidays
    # engineering and repair (工程维修部): technicians
    ("eng-01", "engineering", "cs_assistant", -0.8, 1.2),
    ("eng-02", "engineering", "cs_assistant", -0.5, 1.0),
    ("eng-03", "engineering", "cs_assistant", 0.0, 1.0),
    ("eng-04", "engineering", "cs_assistant", 0.2, 1.0),
    ("eng-05", "engineering", "cs_assistant", -0.2, 1.0),
    ("eng-06", "engineering", "cs_assistant", 1.3, 1.0),
    ("eng-07", "engineering", "cs_assistant", 0.8, 0.8),
    ("eng-08", "engineering", "cs_assistant", 0.6, 0.12),  # apprentice
    # security (秩序维护部)
    ("sec-01", "security", "cs_assistant", -0.7, 1.0),
    ("sec-02", "security", "cs_assistant", 0.0, 1.0),
    ("sec-03", "security", "cs_assistant", 1.2, 1.0),
    ("sec-04", "security", "cs_assistant", 0.0, 0.3),
    # cleaning (保洁部)
    ("cln-01", "cleaning", "cs_assistant", 0.0, 1.0),
    ("cln-02", "cleaning", "cs_assistant", -0.7, 1.0),
    ("cln-03", "cleaning", "cs_assistant", 1.2, 0.8),
    # greening (绿化部)
    ("grn-01", "greening", "cs_assistant", 0.0, 1.0),
    ("grn-02", "greening", "cs_assistant", -0.6, 0.6),
    # the general manager (总物业经理)
    ("gm-01", "", "general_manager", 0.0, 1.0),
)
DESK = [s[0] for s in STAFF if s[2] == "duty_staff"]
SPECIALISTS = [s for s in STAFF if s[1] == "customer_service" and s[2] == "cs_assistant"]
WORKERS = {
    team: [s for s in STAFF if s[1] == team and s[2] == "cs_assistant"]
    for team in ("customer_service", "engineering", "security", "cleaning", "greening")
}
GENERAL_MANAGER = "gm-01"

# The default profile's `dispatch` section, mirrored: the team a case goes to, none when no row
# says (customer service keeps those).
DISPATCH = (
    ("security", ("噪音", "吵", "noise", "loud"), True),
    ("security", ("保安", "门禁", "停车", "security", "parking", "stranger"), False),
    ("cleaning", ("垃圾", "保洁", "清洁", "卫生", "rubbish", "garbage", "cleaning", "dirty"), False),
    ("greening", ("绿化", "草坪", "树", "花", "lawn", "trees", "garden"), False),
)


def office_open(t: datetime) -> bool:
    """In the default profile's office calendar: 09:00-18:00 on working days."""
    return workday(t.date()) and 9 <= t.hour < 18


def dispatch_team(c: Complaint) -> Optional[str]:
    if c.category in ("equipment", "sudden_event"):
        return "engineering"
    text = c.content.lower()
    for team, words, outside_office in DISPATCH:
        if outside_office and office_open(c.received):
            continue
        if any(w in text for w in words):
            return team
    return None


def desk_on_duty(t: datetime) -> List[str]:
    """The duty desk's rota: two on the day shift (08:00-20:00), one at night, turning daily."""
    day = (t - timedelta(hours=8)).date()  # the night shift belongs to the day it starts on
    n = (day - date(2026, 8, 31)).days
    if 8 <= t.hour < 20:
        return [DESK[n % 5], DESK[(n + 1) % 5]]
    return [DESK[(n + 3) % 5]]


def badness(c: Complaint, overall, rank: float) -> float:
    """How badly the case went, from what was generated: its resolution time's rank among the
    cases of its policy (0 fastest, 1 slowest), lateness, a reopen, an unsatisfied visit and the
    survey's overall answer."""
    b = 3.0 * (rank - 0.5)
    types = [e["type"] for e in c.events]
    if c.late:
        b += 1.5
    if "reopen" in types:
        b += 3.0
    if "unsatisfied" in types:
        b += 2.0
    if overall != "":
        b += {1: 2.0, 2: 2.0, 3: 1.0, 4: 0.0, 5: -0.4}[overall]
    return 2.0 * math.tanh(b / 2.0)  # bounded: one bad case does not decide who had it


def staff(months, surveys) -> None:
    """Adds `handler` to every event and `team` to every assign and escalate."""
    pr = random.Random(PEOPLE_SEED)
    overall = {}
    for rows in surveys.values():
        for row in rows:
            overall[row[0]] = row[7]
    everyone = [c for month in MONTHS for c in months[month]]
    # The rank of each case's first resolution among the cases of its policy.
    first_resolve: Dict[str, float] = {}
    by_policy: Dict[str, List[Tuple[float, str]]] = {}
    for c in everyone:
        at = next((e["at"] for e in c.events if e["type"] == "resolve"), None)
        if at is not None:
            hours = (at - c.received).total_seconds() / 3600
            by_policy.setdefault(Gen.policy(c), []).append((hours, c.id))
    for lst in by_policy.values():
        lst.sort()
        for i, (_, cid) in enumerate(lst):
            first_resolve[cid] = (i + 0.5) / len(lst)
    teams = [dispatch_team(c) or "customer_service" for c in everyone]
    bad = [badness(c, overall.get(c.id, ""), first_resolve.get(c.id, 0.5)) for c in everyone]
    # Each member's pull towards the bad (or good) cases, divided by its mean over the team's
    # cases: a member still gets about its load's share of the team's cases.
    norm: Dict[str, float] = {}
    for team, pool in WORKERS.items():
        mine = [b for t, b in zip(teams, bad) if t == team]
        for name, _, _, skill, _ in pool:
            norm[name] = sum(math.exp(skill * b) for b in mine) / max(1, len(mine))
    for c, team, b in zip(everyone, teams, bad):
        pool = WORKERS[team]
        weights = [load * math.exp(skill * b) / norm[name] for name, _, _, skill, load in pool]
        worker = pool[pr.choices(range(len(pool)), weights=weights, k=1)[0]][0]
        first_mgr = next((e["at"] for e in c.events if e["role"] == "cs_manager"), c.received)
        rota = "mgr-01" if workday(first_mgr.date()) else "mgr-02"
        manager = rota if pr.random() < 0.85 else ("mgr-02" if rota == "mgr-01" else "mgr-01")
        desk: Dict[Tuple[date, bool], str] = {}
        visitor = None

        def person(role: str, at: datetime) -> str:
            if role == "duty_staff":
                on = desk_on_duty(at)
                key = ((at - timedelta(hours=8)).date(), 8 <= at.hour < 20)
                if key not in desk:
                    desk[key] = on[pr.randrange(len(on))]
                return desk[key]
            if role == "cs_assistant":
                return worker
            if role == "cs_manager":
                return manager
            return GENERAL_MANAGER

        for e in c.events:
            typ, role = e["type"], e["role"]
            if typ in ("assign", "escalate"):
                e["handler"] = person(e["target"], e["at"])
                e["team"] = team
            elif typ == "visit":
                if role == "cs_assistant":
                    # The follow-up is customer service's, by a specialist of its own.
                    names = [s[0] for s in SPECIALISTS]
                    visitor = names[
                        pr.choices(range(len(names)), weights=[s[4] for s in SPECIALISTS])[0]
                    ]
                else:
                    visitor = person(role, e["at"])
                e["handler"] = visitor
            elif typ in ("satisfied", "unsatisfied") and visitor is not None:
                e["handler"] = visitor
            else:
                e["handler"] = person(role, e["at"])


# ---------------------------------------------------------------------------------------------
# Writing.
EVENT_KEYS = (
    "type",
    "at",
    "role",
    "note",
    "nature",
    "severity",
    "target",
    "method",
    "deadline",
    "handler",
    "team",
)
COMPLAINT_COLUMNS = [
    "id",
    "received",
    "channel",
    "category",
    "subcategory",
    "building",
    "unit",
    "reporter_count",
    "content",
    "tags",
]
EVENT_COLUMNS = [
    "complaint_id",
    "at",
    "type",
    "role",
    "note",
    "nature",
    "severity",
    "target",
    "method",
    "deadline",
    "handler",
    "team",
]
SURVEY_COLUMNS = [
    "complaint_id",
    "building",
    "at",
    "response_speed",
    "attitude",
    "quality",
    "result",
    "overall",
    "recommend",
]


def event_json(e):
    out = {}
    for k in EVENT_KEYS:
        if k in e and e[k] is not None:
            out[k] = iso(e[k]) if isinstance(e[k], datetime) else e[k]
    return out


def complaint_json(c: Complaint) -> str:
    doc: Dict[str, Any] = {
        "id": c.id,
        "received": iso(c.received),
        "channel": c.channel,
        "category": c.category,
        "subcategory": c.sub,
    }
    for key, value in (
        ("name", c.name),
        ("contact", c.contact),
        ("building", c.building),
        ("unit", c.unit),
        ("content", c.content),
        ("remedy", c.remedy),
    ):
        if value:
            doc[key] = value
    doc["reporter_count"] = c.reporters
    if c.tags:
        doc["tags"] = c.tags
    doc["events"] = [event_json(e) for e in c.events]
    return json.dumps(doc, ensure_ascii=False, separators=(",", ":"))


def csv_text(header, rows) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(header)
    w.writerows(rows)
    return buf.getvalue()


def write(path: str, text: str) -> None:
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(text)


def main(argv=None) -> int:
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", default=os.path.join(here, "sample"), help="output folder")
    ap.add_argument("--quiet", action="store_true", help="print no summary")
    args = ap.parse_args(argv)
    os.makedirs(args.out, exist_ok=True)

    months, surveys = Gen(SEED).run()
    for (y, m), lst in months.items():
        tag = "%04d-%02d" % (y, m)
        write(
            os.path.join(args.out, "complaints-%s.jsonl" % tag),
            "".join(complaint_json(c) + "\n" for c in lst),
        )
        write(
            os.path.join(args.out, "surveys-%s.csv" % tag),
            csv_text(SURVEY_COLUMNS, surveys[(y, m)]),
        )
    oct_ = months[(2026, 10)]
    write(
        os.path.join(args.out, "complaints-2026-10.csv"),
        csv_text(
            COMPLAINT_COLUMNS,
            [
                [
                    c.id,
                    iso(c.received),
                    c.channel,
                    c.category,
                    c.sub,
                    c.building,
                    c.unit,
                    c.reporters,
                    c.content,
                    ";".join(c.tags),
                ]
                for c in oct_
            ],
        ),
    )
    rows = []
    for c in oct_:
        for e in c.events:
            j = event_json(e)
            rows.append([c.id] + [j.get(k, "") for k in EVENT_COLUMNS[1:]])
    write(os.path.join(args.out, "events-2026-10.csv"), csv_text(EVENT_COLUMNS, rows))
    if not args.quiet:
        summary(months, surveys, args.out)
    return 0


def summary(months, surveys, out) -> None:
    print("sample data in %s (export at %s)" % (out, iso(EXPORT)))
    for month, lst in months.items():
        y, m = month
        month_end = datetime(y + (m == 12), m % 12 + 1, 1, tzinfo=TZ)
        n = len(lst)
        cats: Dict[str, int] = {}
        chans: Dict[str, int] = {}
        natures: Dict[str, int] = {}
        kinds: Dict[str, int] = {}
        for c in lst:
            kinds[c.kind] = kinds.get(c.kind, 0) + 1
            cats[c.category] = cats.get(c.category, 0) + 1
            chans[c.channel] = chans.get(c.channel, 0) + 1
            natures[c.nature] = natures.get(c.nature, 0) + 1
        events = sum(len(c.events) for c in lst)
        resolved = [c for c in lst if any(e["type"] == "resolve" for e in c.events)]
        late = sum(
            1
            for c in resolved
            if next(e["at"] for e in c.events if e["type"] == "resolve") - c.received
            > timedelta(hours=72)
        )
        open_end = sum(
            1
            for c in lst
            if replay([e for e in c.events if e["at"] < month_end], c.kind)[0] != "closed"
        )
        count = lambda typ: sum(1 for c in lst for e in c.events if e["type"] == typ)
        visits_by_role: Dict[str, int] = {}
        for c in lst:
            for e in c.events:
                if e["type"] == "visit" and (e["at"].year, e["at"].month) == month:
                    visits_by_role[e["role"]] = visits_by_role.get(e["role"], 0) + 1
        rows = surveys[month]
        overall = [row[7] for row in rows if row[7] != ""]
        mean = sum(overall) / len(overall) if overall else 0.0
        csat = sum(1 for v in overall if v >= 4) / len(overall) if overall else 0.0
        print("%04d-%02d: %d complaints, %d events" % (y, m, n, events))
        print("  categories: " + ", ".join("%s %d" % (k, cats[k]) for k in sorted(cats)))
        print("  channels: " + ", ".join("%s %d" % (k, chans[k]) for k in sorted(chans)))
        print("  natures: " + ", ".join("%s %d" % (k, natures[k]) for k in sorted(natures)))
        print("  kinds: " + ", ".join("%s %d" % (k, kinds[k]) for k in sorted(kinds)))
        print(
            "  late (first resolution > 72 h): %d of %d resolved (%.1f%%)"
            % (late, len(resolved), 100.0 * late / max(1, len(resolved)))
        )
        print(
            "  escalations %d, reopens %d, unsatisfied visits %d, open at month end %d"
            % (count("escalate"), count("reopen"), count("unsatisfied"), open_end)
        )
        print(
            "  return visits in the month by role: "
            + ", ".join("%s %d" % (k, visits_by_role[k]) for k in sorted(visits_by_role))
        )
        print("  surveys %d, mean overall %.2f, CSAT %.1f%%" % (len(rows), mean, 100 * csat))
    for name in sorted(os.listdir(out)):
        if name.endswith((".jsonl", ".csv")):
            print("  %-26s %8d bytes" % (name, os.path.getsize(os.path.join(out, name))))


if __name__ == "__main__":
    sys.exit(main())
