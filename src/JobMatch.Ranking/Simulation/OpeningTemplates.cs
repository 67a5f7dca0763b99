using JobMatch.Ranking.Profiles;

namespace JobMatch.Ranking.Simulation;

/// <summary>A kind of listing the simulator draws openings from, modelled on Huainan job-fair tables.</summary>
internal sealed record OpeningTemplate(
    string Title,
    string Industry,
    OpeningKind Kind,
    string[] Skills,
    EducationLevel? MinEducation,
    string[] Majors,
    string[] Certificates,
    string? Licence,
    int SalaryMin,
    int SalaryMax,
    string Duties);

internal static class OpeningTemplates
{
    public static readonly string[] Industries =
        ["物流运输", "仓储", "安保", "煤炭能源", "制造", "建筑", "医药", "新材料化工", "餐饮", "电商", "行政办公", "医疗养老", "通信信息", "物业服务"];

    public static readonly OpeningTemplate[] All =
    [
        new("货车司机", "物流运输", OpeningKind.Job, ["drive_truck", "delivery", "vehicle_maintenance"], null, [], [], "A2", 6500, 9500, "负责干线货物运输，安全驾驶，车辆日常保养"),
        new("快递配送员", "物流运输", OpeningKind.Job, ["delivery", "drive_car"], null, [], [], "C1", 5000, 8000, "负责片区快递收派，客户沟通"),
        new("车队调度员", "物流运输", OpeningKind.Job, ["vehicle_dispatch", "logistics_planning", "office_software"], EducationLevel.HighSchool, [], [], null, 4500, 6500, "车辆调度排班，运输路线规划"),
        new("叉车工", "仓储", OpeningKind.Job, ["forklift", "picking_packing", "warehouse_mgmt"], null, [], ["叉车"], null, 4500, 6500, "叉车装卸作业，货物搬运码放"),
        new("仓库管理员", "仓储", OpeningKind.Job, ["warehouse_mgmt", "inventory", "office_software"], EducationLevel.HighSchool, [], [], null, 4000, 6000, "仓库出入库管理，库存盘点，单据录入"),
        new("保安员", "安保", OpeningKind.Job, ["security_patrol", "cctv_monitoring", "physical_fitness"], null, [], ["保安员"], null, 3500, 4500, "园区巡逻值守，门岗管理"),
        new("安保主管", "安保", OpeningKind.Job, ["security_supervisor", "security_patrol", "team_leading"], EducationLevel.HighSchool, [], ["保安员"], null, 5000, 7000, "安保队伍管理，排班培训，应急处置"),
        new("消防控制室值班员", "安保", OpeningKind.Job, ["fire_control_room", "fire_safety", "cctv_monitoring"], EducationLevel.HighSchool, [], ["消防设施操作员"], null, 4000, 5200, "消防控制室值班，设施巡检"),
        new("井下采掘工", "煤炭能源", OpeningKind.Job, ["mining_operation", "mine_safety", "physical_fitness"], null, [], [], null, 7500, 11000, "井下综采掘进作业，遵守安全规程"),
        new("瓦斯检查员", "煤炭能源", OpeningKind.Job, ["gas_monitoring", "mine_safety", "mine_ventilation"], EducationLevel.HighSchool, [], ["特种作业"], null, 6500, 9000, "井下瓦斯巡检，通风监测"),
        new("矿井电工", "煤炭能源", OpeningKind.Job, ["mine_electrical", "electrician_low", "electrician_high"], EducationLevel.HighSchool, [], ["电工"], null, 6500, 9000, "井下供电设备维护检修"),
        new("集控运行值班员", "煤炭能源", OpeningKind.Job, ["power_plant_ops", "dcs", "electrician_high"], EducationLevel.Associate, ["电力", "热能"], [], null, 6000, 8500, "火电机组集控运行监盘"),
        new("维修电工", "制造", OpeningKind.Job, ["electrician_low", "motor_repair", "plc"], EducationLevel.HighSchool, [], ["电工"], null, 5000, 7000, "生产线电气设备维修，PLC调试"),
        new("电焊工", "建筑", OpeningKind.Job, ["welding_arc", "welding_gas", "cutting"], null, [], ["焊工"], null, 6000, 9000, "钢结构焊接，气割下料"),
        new("设备维修工", "制造", OpeningKind.Job, ["equipment_maintenance", "fitter", "hydraulics"], EducationLevel.HighSchool, [], [], null, 5000, 7500, "设备点检维修，液压系统保养"),
        new("生产操作工", "制造", OpeningKind.Job, ["production_line", "quality_inspection", "discipline"], null, [], [], null, 4200, 6000, "流水线操作，产品自检"),
        new("制药操作工", "医药", OpeningKind.Job, ["pharma_production", "gmp", "sterile_operation"], EducationLevel.HighSchool, [], ["健康证"], null, 4500, 6500, "按GMP要求完成制剂生产操作"),
        new("QC化验员", "医药", OpeningKind.Job, ["qc_lab", "gmp", "material_testing"], EducationLevel.Associate, ["药学", "化学", "化工"], [], null, 4500, 6000, "原辅料及成品检验，化验记录"),
        new("药辅生产工", "医药", OpeningKind.Job, ["pharma_excipients", "production_line", "gmp"], null, [], ["健康证"], null, 4500, 6200, "药用辅料生产操作，设备清洁"),
        new("化工操作工", "新材料化工", OpeningKind.Job, ["chemical_operation", "dcs", "hazardous_chemicals"], EducationLevel.HighSchool, [], [], null, 5500, 8000, "反应釜操作，中控巡检"),
        new("冶炼工", "新材料化工", OpeningKind.Job, ["cobalt_nickel", "chemical_operation", "production_line"], EducationLevel.HighSchool, [], [], null, 6000, 8500, "湿法冶炼生产操作"),
        new("挖掘机司机", "建筑", OpeningKind.Job, ["heavy_machinery", "drive_special_vehicle"], null, [], ["挖掘机"], null, 7000, 10000, "挖掘机操作，土方作业"),
        new("施工员", "建筑", OpeningKind.Job, ["construction_site", "surveying", "building_safety"], EducationLevel.Associate, ["土木", "建筑"], [], null, 5500, 8000, "现场施工管理，测量放线"),
        new("安全员", "建筑", OpeningKind.Job, ["building_safety", "work_at_height", "fire_safety"], EducationLevel.HighSchool, [], ["安全员"], null, 5000, 7000, "施工现场安全检查，隐患整改"),
        new("厨师", "餐饮", OpeningKind.Job, ["cooking_chinese", "pastry", "food_safety"], null, [], ["健康证"], null, 4500, 7000, "食堂中餐烹饪，面点制作"),
        new("食堂管理员", "餐饮", OpeningKind.Job, ["canteen_mgmt", "procurement", "food_safety"], EducationLevel.HighSchool, [], ["健康证"], null, 4500, 6000, "团餐食堂管理，食材采购"),
        new("电商运营", "电商", OpeningKind.Job, ["ecommerce_ops", "live_streaming", "graphic_design"], EducationLevel.Associate, [], [], null, 4500, 8000, "网店运营推广，直播带货策划"),
        new("客服专员", "电商", OpeningKind.Job, ["customer_service", "office_software", "data_entry"], EducationLevel.HighSchool, [], [], null, 3500, 5000, "在线客服，售后处理"),
        new("行政文员", "行政办公", OpeningKind.Job, ["office_admin", "document_writing", "office_software"], EducationLevel.Associate, [], [], null, 3500, 5000, "公文材料撰写，档案管理，会务"),
        new("会计", "行政办公", OpeningKind.Job, ["accounting", "office_software"], EducationLevel.Associate, ["会计", "财务"], ["会计"], null, 4000, 6000, "账务处理，报表编制"),
        new("养老护理员", "医疗养老", OpeningKind.Job, ["elderly_care", "first_aid", "nursing"], null, [], ["健康证"], null, 4000, 5500, "老人生活照料，急救处置"),
        new("医院导诊员", "医疗养老", OpeningKind.Job, ["medical_assistant", "reception", "first_aid"], EducationLevel.HighSchool, [], [], null, 3500, 4800, "门诊导诊，秩序维护"),
        new("通信线路维护员", "通信信息", OpeningKind.Job, ["telecom_install", "network_admin", "work_at_height"], EducationLevel.HighSchool, [], ["高处作业"], null, 5000, 7000, "光缆线路巡检维护，宽带安装"),
        new("网络管理员", "通信信息", OpeningKind.Job, ["network_admin", "computer_repair", "programming"], EducationLevel.Associate, ["计算机", "通信"], [], null, 5000, 8000, "网络设备维护，机房管理"),
        new("物业管理员", "物业服务", OpeningKind.Job, ["property_mgmt", "customer_service", "security_patrol"], EducationLevel.HighSchool, [], [], null, 3500, 5000, "小区物业服务，巡查报修"),
        new("学历+就业订单班（药学）", "医药", OpeningKind.Training, ["pharma_production", "gmp", "qc_lab"], EducationLevel.HighSchool, [], [], null, 4500, 6500, "大专学历教育，入学即入职，毕业到合作药企就业"),
        new("学历+就业订单班（新材料）", "新材料化工", OpeningKind.Training, ["cobalt_nickel", "chemical_operation", "material_testing"], EducationLevel.HighSchool, [], [], null, 5000, 7500, "大专学历教育，毕业到新材料企业就业"),
        new("叉车技能培训班", "仓储", OpeningKind.Training, ["forklift", "warehouse_mgmt"], null, [], [], null, 4200, 6000, "叉车证培训考证，结业推荐就业"),
        new("电工技能培训班", "制造", OpeningKind.Training, ["electrician_low", "electrical_installation"], null, [], [], null, 4500, 6500, "低压电工取证培训，推荐就业"),
        new("电商直播培训班", "电商", OpeningKind.Training, ["live_streaming", "ecommerce_ops"], null, [], [], null, 4000, 7000, "直播带货实操培训，孵化创业"),
    ];
}
