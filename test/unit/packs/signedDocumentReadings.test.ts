import { byRules } from '../core/clause/packReading';

const { flags, passes } = byRules;

/**
 * The built-in packs on the wording of signed documents, minutes, replies to companies' letters,
 * policy annexes and supplementary agreements: each case is a sentence of that kind, a risk the
 * pack's data reads or a lawful neighbour it must leave alone, by the rules alone (the clause
 * model's judgement would hide a pack reading gone missing). How negation, quotation and who
 * acts are read in general is tested in test/unit/core/clause/language.test.ts.
 */
describe('the built-in packs on the wording of signed documents', () => {
  describe('words that run across two words', () => {
    // 当地价格主管部门: no 地价 in it.
    passes('项目公司应当按照当地价格主管部门核定的标准收取污水处理费，所收费用全额缴入国库。', 'clause/land-price');
    flags('项目用地价格按当地价格主管部门核定的基准地价下浮百分之三十执行。', 'clause/land-price');
  });

  describe('lawful neighbours in the wording of signed documents', () => {
    passes('乙方及其关联企业参与县内工程投标的，与其他投标人适用同一标准，甲方不给予任何倾斜或照顾。', 'clause/bid-bypass');
    passes('一事一议事项应当在法律法规和政策允许的范围内研究，不得突破国家统一规定给予乙方特殊优惠。', 'clause/open-ended-reward');
    passes('乙方负责项目资本金的筹措，其余建设资金由项目公司以项目收益为基础通过市场化融资解决。', 'clause/advance-funding');
    passes('甲方对政府债务实行限额管理和预算管理，债务资金用于公益性资本支出，偿还资金纳入一般公共预算或者政府性基金预算。', 'clause/government-guarantee');
    passes('甲方按照《某某区促进先进制造业发展若干政策》，对乙方当年新增的技术改造贷款给予贴息，贴息资金纳入年度预算并按规定程序拨付。', 'clause/government-guarantee');
    passes('乙方印染项目入驻省级印染产业集聚区，配套建设中水回用设施，中水回用率达到50%以上。', 'clause/industry-policy');
    passes('乙方须按土地出让合同约定的开竣工时间进行建设，逾期的按合同约定向出让人支付违约金。', 'clause/land-preassignment');
    passes('乙方提前退出项目的，甲方有权依照土地出让合同收回土地并追回已享受的扶持资金，乙方对此不持异议。', 'clause/unilateral-interpretation');
  });

  describe('local ties in procurement and licensing', () => {
    flags('县城投公司组织的工程招标中，在本县注册的企业投标报价在评标时按下浮百分之三计算，外地企业按原报价计算。', 'clause/local-condition');
    flags('区属国有企业的物业、保洁、安保服务采购，原则上在区内注册满两年的企业中选择。', 'clause/local-condition');
    flags('乙方的总包合同须由其在园区注册的项目公司签订，并在园区开具全部工程发票。', 'clause/local-condition');
    flags('本次PPP项目社会资本方的资格条件为：近三年在本市行政区域内完成过单项合同额5000万元以上的同类项目业绩。', 'clause/local-condition');
    flags('区住建局对外地入区施工企业实行备案管理，未在区内缴纳50万元信用保证金的，暂缓办理施工许可。', 'clause/local-condition');
  });

  describe('a deal ended for the government\'s reasons, the loss left to the counterparty', () => {
    flags('项目所在区域如纳入生态保护红线，甲方将依照有关规定终止合作，乙方已投入的厂房、设备由乙方自行拆除处置。', 'clause/no-compensation');
    flags('甲方根据区域规划调整决定停止推进某某文旅小镇项目的，本协议自动解除，双方互不追究责任。', 'clause/no-compensation');
    flags('因高速公路线位调整涉及的某某企业厂区，由企业自行搬迁，甲方协助办理相关手续，搬迁费用由企业自理。', 'clause/no-compensation');
    flags('乙方确认，甲方因机构改革、职能调整导致本协议无法继续履行的，乙方不以任何形式追究甲方的违约及补偿责任。', 'clause/no-compensation');
    flags('如因省级财政政策调整，甲方停止拨付共建研究院运行经费，研究院已签订的科研合同及人员安置由乙方自行负责，甲方不再承担任何费用。', 'clause/no-compensation');
    // Force majeure ends it for both: no risk.
    passes('因不可抗力致使本协议无法继续履行的，本协议自动解除，双方互不追究责任。', 'clause/no-compensation');
  });

  describe('public space run for the counterparty\'s profit', () => {
    flags('甲方同意将新区内已建成的公共停车场和某某公园绿地纳入乙方项目范围，由乙方收费经营，收益归乙方所有。', 'clause/public-interest');
    flags('甲方将老城区范围内公共停车泊位的收费权交由乙方行使，收费标准由乙方自行确定。', 'clause/public-interest');
    flags('甲方同意将某某小学闲置校舍及操场交由乙方开办营利性培训机构，使用期十年，乙方无需缴纳使用费。', 'clause/public-interest');
    flags('甲方同意乙方在某某湿地公园核心区域建设会员制会所，相应区域实行封闭管理，仅向乙方会员开放。', 'clause/public-interest');
    // Open to all, or let by public tender: no risk.
    passes('公共停车场由甲方通过公开招租确定经营单位，收费标准执行价格主管部门核定的标准。', 'clause/public-interest');
  });

  describe('a nominal rent', () => {
    flags('丙方名下位于某某路的临街商铺约1.2万平方米，按每月每平方米1元的租金出租给乙方，租期三十年。', 'clause/free-state-assets');
    // 11 元 is a rent, not one yuan.
    passes('甲方将区属厂房按每月每平方米11元的租金出租给乙方，租金标准经评估确定。', 'clause/free-state-assets');
  });

  describe('a fee paid, then handed back', () => {
    flags('乙方依法足额缴纳城市基础设施配套费后，由区财政局以“企业建设扶持资金”名义按已缴金额等额拨付乙方。', 'clause/fee-waiver');
    flags('乙方某某新校区建设中依法缴纳的各类行政事业性收费，由所在市、区两级财政按实际缴纳额全额返还乙方。', 'clause/fee-waiver');
    // Money paid in error goes back by law.
    passes('乙方多缴的行政事业性收费，由收费单位依法全额退还。', 'clause/fee-waiver');
  });

  describe('outcomes no signer can promise', () => {
    flags('如现行地方规定对乙方项目实施构成障碍，甲方将修改相关规范性文件，以满足乙方项目的需要。', 'clause/beyond-authority');
    flags('乙方一期生产线按期投产后，甲方保证乙方主要产品进入本省医保目录和药品集中采购目录。', 'clause/beyond-authority');
    flags('会议明确，乙方涉及的历史遗留诉讼案件，由区政府协调区人民法院确保在年内按乙方诉求审结。', 'clause/beyond-authority');
    passes('甲方协助乙方依法申请将产品纳入医保目录。', 'clause/beyond-authority');
  });

  describe('the government keeping the last word, more ways', () => {
    flags('丙方可依照甲方的安排，对乙方租用的标准厂房面积、位置和租期进行调整，乙方应服从。', 'clause/change-at-will');
    flags('甲方有权依据招商工作的整体安排，变更乙方所享有的厂房租金减免期限，乙方不得提出异议。', 'clause/change-at-will');
    flags('本协议约定的园区配套道路及管网建成时间，由甲方视财政资金筹措情况自行确定。', 'clause/change-at-will');
    flags('特别约定：本协议条款的解释和变更，以甲方意见为准。', 'clause/change-at-will');
    flags('协议期内，甲方可对乙方的考核指标和兑现标准进行动态调整，调整后的标准适用于尚未兑现的全部奖励。', 'clause/change-at-will');
    // Changed by agreement: no risk.
    passes('双方协商一致后，可对乙方租用的厂房面积和租期进行调整，并签订补充协议。', 'clause/change-at-will');
  });

  describe('the counterparty financing the government\'s works, repaid later', () => {
    flags('如甲方年度财政资金未能按期到位，乙方应继续推进污水管网工程施工，其间所需资金由乙方自筹，资金到位后甲方一并支付。', 'clause/advance-funding');
    flags('会议议定，某某河综合整治工程由乙方先行组织施工，工程款纳入2028年以后的区级财政预算逐年安排。', 'clause/advance-funding');
    flags('补充协议约定，乙方为园区代建的人才公寓建设期资金全部由乙方筹措，甲方自竣工之日起分十年付款购回。', 'clause/advance-funding');
  });

  describe('competitors kept out', () => {
    flags('合作期三十年内该区域新增用户的接驳及供气业务统一交由乙方经营，其他燃气企业不再进入。', 'clause/exclusive');
    flags('甲方在某某新材料产业园内对锂电池负极材料项目实行“一园一企”，园区招商局此后对同类项目一律不予落户。', 'clause/exclusive');
  });

  describe('lawful neighbours in minutes, replies and plans', () => {
    passes('本协议项下的合作为非独占性安排，甲方可以根据园区产业规划与其他企业就同类新材料项目开展合作，乙方对此无异议。', 'clause/exclusive');
    passes('某某县2026年新增专项债券额度3亿元，经省政府批准后用于县城污水管网改造项目，由县财政按规定还本付息。', 'clause/fiscal-credit-support');
    passes('会议明确：某某片区地块的出让方案由区自然资源局依据控制性详细规划编制，竞买条件按国家和省统一规定设置，报区政府批准后公开挂牌。', 'clause/land-preassignment');
    passes('甲方未按约定时间交付净地的，每逾期一日按乙方已付土地出让价款的万分之三向乙方支付违约金。', 'clause/land-price');
    passes('乙方因自身原因无法继续运营的，甲方可依法实施临时接管，并按规定程序重新选择特许经营者。', 'clause/concession-bypass');
    passes('会议明确，县发改局、自然资源局按照各自职责，对乙方依法提交的项目申报材料实行并联审查，符合条件的在承诺时限内办结。', 'clause/beyond-authority');
    passes('县政府常务会议决定，某某牧业公司超拨的二百一十万元补助资金由县农业农村局限期追回。', 'clause/open-ended-reward');
    passes('乙方在项目建成后，将配建的3000平方米公共停车场及附属道路无偿移交区住建局，纳入市政设施统一管理。', 'clause/public-interest');
    passes('会议明确，园区管理机构优化整合后，原某某高新区管委会签订的投资协议统一由新组建的某某开发区管委会承接，已作出的政策承诺按原约定继续兑现。', 'clause/exclusive');
  });

  describe('replies and departments', () => {
    // A reply letter names the company it answers 你公司 / 贵公司.
    flags('关于某某医疗科技有限公司来函的复函：经研究，同意你公司承接县人民医院新院区医用洁净工程及医疗设备配套安装，具体事宜由县卫健局与你公司直接洽谈签约。', 'clause/bid-bypass');
    flags('本市城市更新项目的社会资本遴选，对在本市注册的企业评审得分上浮百分之十。', 'clause/local-condition');
    flags('乙方可在项目红线外的城市公园绿地内搭建临时售楼处及配套经营设施，甲方不收取任何占用费用。', 'clause/public-interest');
  });

  describe('projects cleared for the government\'s plans, without compensation', () => {
    flags('特别约定：乙方知悉并同意，园区基于产业规划调整对入园项目实施腾笼换鸟时，乙方须按园区要求限期迁出，迁出费用及停产损失均由乙方负担。', 'clause/no-compensation');
    flags('会议明确，某某湿地公园范围内已签约的观光农业项目，因生态保护需要一律清退，清退企业的前期投入不作经济补偿。', 'clause/no-compensation');
    flags('本协议履行期间如遇行政区划调整、机构职能调整，甲方的各项承诺自动失效，乙方对此无异议且不追究甲方任何责任。', 'clause/no-compensation');
    passes('因生态保护需要清退的，甲方依法对乙方的前期投入给予补偿。', 'clause/no-compensation');
  });

  describe('a benefit held back until the company registers locally', () => {
    flags('甲方同意，某某港区冷链仓储项目所需的建设用地和用能指标，在乙方将区域总部注册于本市并将产值纳入本市统计后方予安排。', 'clause/local-condition');
  });

  describe('a reward whose amount is left to later decision', () => {
    flags('甲方根据其年接待游客人次给予营销推广奖励，奖励标准在乙方提出申请后由县文广旅局研究核定。', 'clause/open-ended-reward');
    flags('甲方给予乙方算力运营补贴，补贴总额以满足乙方实际运营需要为准。', 'clause/open-ended-reward');
    flags('甲方按列次给予运营补贴，补贴额度根据乙方经审计的实际运营亏损核定，亏损多少补贴多少。', 'clause/open-ended-reward');
    flags('县政府按照“到位一笔、奖励一笔”的方式给予奖励，奖励比例以县政府当期批复为准。', 'clause/open-ended-reward');
    // A published standard and a cap: no risk.
    passes('甲方按照已公布的《某某县招商引资奖励办法》给予乙方设备补助，每户最高不超过200万元。', 'clause/open-ended-reward');
  });

  describe('enforcement and claims given up, in other words', () => {
    flags('特别约定：本协议履行期间，甲方各职能部门对乙方厂区实行免检，乙方的安全生产和环境保护情况以其年度自查报告为准。', 'clause/waive-rights');
    flags('会议同意，某某水务公司未达到的管网漏损率考核指标，不再纳入市水务局的绩效扣款范围，此前已扣减的运营服务费予以退还。', 'clause/waive-rights');
    flags('会议同意，对乙方占用的12亩超出用地红线的土地，区自然资源局暂不立案查处，待后续规划调整时一并处理。', 'clause/waive-rights');
  });

  describe('a market kept for the counterparty, and local firms preferred', () => {
    flags('丙方受甲方委托，将县城区现有公交线路经营权交由乙方经营，期限三十年，期内县城区新开通的公交线路亦由乙方运营。', 'clause/exclusive');
    flags('园区内公共充电设施的规划布点、建设和运营均由乙方统筹，其他企业在园区内建设公共充电桩的，须与乙方合资设立项目公司。', 'clause/exclusive');
    flags('甲方要求乙方在某某数据中心项目中所需的运维外包、安保服务及机电维保，应主要委托在本区注册纳税满一年的企业承担。', 'clause/local-condition');
    flags('对口支援年度计划明确，援建项目的施工、监理单位原则上由甲方所在省的企业承担，受援地及其他地区企业仅可作为分包单位参与。', 'clause/local-condition');
  });

  describe('the government changing terms alone, in the wording of minutes and concessions', () => {
    flags('会议明确，已签约项目的奖补兑现，由区财政局结合库款情况适时安排，具体兑现比例和时间均由区财政局确定。', 'clause/change-at-will');
    flags('特许经营期内，甲方可以对项目的收费标准、服务范围及特许经营期限作出调整，乙方应当执行，相关调整不另行签订补充协议。', 'clause/change-at-will');
    passes('特许经营期内，收费标准的调整依照法定程序报价格主管部门批准后执行。', 'clause/change-at-will');
  });

  describe('land promised before its sale', () => {
    flags('乙方完成首期投资5亿元并投产后，甲方即将相邻约200亩储备用地以协议出让方式供给乙方，用于扩建差别化纤维生产线。', 'clause/land-preassignment');
    flags('丙方负责在挂牌公告发布前与乙方签订土地出让意向书，明确地块位置、面积和成交价格，挂牌程序按意向书内容组织。', 'clause/land-preassignment');
    flags('某某乡村振兴综合体项目所需的集体经营性建设用地入市，由镇政府事先与乙方约定成交价格，并由村集体经济组织仅向乙方发出入市交易邀约。', 'clause/land-preassignment');
  });

  describe('approvals deemed given, works and franchises handed over, capacity the state restricts', () => {
    flags('园区将乙方算力中心所需年综合能耗纳入园区用能指标统筹，项目节能报告由园区报送后视同通过审查，乙方可据此开工。', 'clause/beyond-authority');
    flags('经县政府常务会议研究，对乙方项目暂缓执行本省大气污染防治条例中关于燃煤锅炉的限制性规定，待项目达产后再行恢复执行。', 'clause/beyond-authority');
    flags('甲方支持乙方作为全省抽水蓄能电站和新型储能示范项目的工程总承包单位，由各项目业主直接与乙方签订总承包合同。', 'clause/bid-bypass');
    flags('2026年对口支援工作计划：支援方推荐的某某能源集团负责受援县县城集中供暖项目的投资和运营，受援县以签订协议方式授予其供热特许经营权。', 'clause/concession-bypass');
    flags('双方支持乙方在本省新建一套500万吨/年常减压装置，项目列入省重大项目清单，享受审批绿色通道。', 'clause/industry-policy');
  });
});
