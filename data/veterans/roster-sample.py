"""Writes roster-sample.gbk.csv: a SYNTHETIC veteran roster (no real person) in the bureau's layout, GBK-encoded.

Run from this folder: python3 roster-sample.py. Fixed seed, so the file is the same on every run.
"""
import csv, io, random

random.seed(20261129)
WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
DISTRICTS = [("340403", "田家庵区"), ("340402", "大通区"), ("340404", "谢家集区"), ("340405", "八公山区"), ("340406", "潘集区"),
             ("340421", "凤台县"), ("340422", "寿县")]
SURNAMES = "甄郗隗靳琚龚昝璩濮邝裘麴蔺"
GIVEN = "示例合成测试样本模拟虚构"
BRANCHES = ["陆军", "陆军", "陆军", "武警部队", "空军", "海军", "火箭军", "联勤保障部队"]
RANKS = ["上等兵", "下士", "中士", "上士", "四级军士长"]
SPECIALTIES = ["汽车驾驶员", "通信员", "炊事员", "卫生员", "装备维修", "雷达操作", "警卫", "侦察", "工程兵", "电工", "仓库保管员"]
EDUCATION = ["初中", "高中", "中专", "大专", "大专", "本科"]
MAJORS = ["", "机电一体化", "汽车运用与维修", "物流管理", "计算机应用", "护理"]
LICENCES = ["", "C1", "B2", "A2、B2", "A1"]
CERTIFICATES = ["", "叉车证", "电工证（低压）", "焊工证", "保安员证", "健康证"]
SKILLS = ["", "叉车", "电焊", "驾驶", "仓储管理", "安保", "烹饪", "设备维修"]
SEEKING = ["就业", "就业", "培训", "创业", "就业、培训"]


def id_number(code, birth, male):
    seq = random.randrange(0, 500) * 2 + (1 if male else 0)
    first17 = f"{code}{birth}{seq:03d}"
    return first17 + "10X98765432"[sum(int(c) * w for c, w in zip(first17, WEIGHTS)) % 11]


rows = []
for i in range(30):
    code, district = random.choice(DISTRICTS)
    enlist = random.randint(2005, 2019)
    discharge = min(enlist + random.choice([2, 2, 5, 8, 12]), 2025)
    birth = f"{enlist - random.randint(17, 20)}{random.randint(1, 12):02d}{random.randint(1, 28):02d}"
    male = random.random() < 0.93
    rows.append([i + 1, random.choice(SURNAMES) + random.choice(GIVEN) + random.choice(GIVEN), "男" if male else "女",
                 id_number(code, birth, male), "139" + f"{random.randrange(10**8):08d}", random.choice(BRANCHES),
                 f"{enlist}年9月", f"{discharge}年9月", random.choice(RANKS), random.choice(SPECIALTIES), random.choice(EDUCATION),
                 random.choice(MAJORS), random.choice(LICENCES), random.choice(CERTIFICATES), random.choice(SKILLS), district,
                 random.choice(SEEKING)])

out = io.StringIO()
writer = csv.writer(out, lineterminator="\r\n")
writer.writerow(["淮南市退役军人花名册（合成示例数据，非真实人员）"])
writer.writerow(["序号", "姓名", "性别", "公民身份号码", "联系电话", "服役部队", "入伍时间", "退役时间", "军衔", "兵种", "文化程度",
                 "所学专业", "准驾车型", "证书", "技能", "户籍区县", "就业意向"])
writer.writerows(rows)
writer.writerow(["注：本表为合成数据，身份证号按校验规则生成，不对应任何真实人员。"])
with open("roster-sample.gbk.csv", "wb") as f:
    f.write(out.getvalue().encode("gbk"))
