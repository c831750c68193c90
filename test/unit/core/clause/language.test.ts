import * as assert from 'node:assert/strict';
import { evaluateSentence } from '../../../../server/src/core/checks/clauses';
import { identifyParties } from '../../../../server/src/core/parties';
import { context, flags, passes, rules } from './packReading';

/**
 * How the built-in clause rules read Chinese: negation, who acts, segmentation traps,
 * gapped phrases. Each case is a sentence from the kinds of drafts in test/corpus/.
 */
describe('clause language with the built-in packs', () => {
  describe('who acts', () => {
    passes('乙方向甲方提供履约担保。', 'clause/government-guarantee');
    flags('甲方为乙方发行的企业债券提供担保。', 'clause/government-guarantee'); // 企业 inside 企业债券 is no party
    flags('乙方贷款出现不良的，由区财政代为清偿。', 'clause/government-guarantee'); // 由X names the actor
    flags('乙方服务中心用房由甲方免费提供五年。', 'clause/public-interest'); // 由X after the trigger
    flags('甲方将区属国有历史风貌建筑无偿交由乙方使用二十年。', 'clause/public-interest'); // 交由: 乙方 receives
    flags('甲方按乙方投入本金回购项目设备。', 'clause/guaranteed-return'); // 按乙方: object
    flags('乙方按期完成实训基地建设并投入使用的，甲方承诺在运营期内使乙方投资收益率不低于同期贷款市场报价利率加两个百分点。', 'clause/guaranteed-return'); // 使乙方: the party made to gain
    // 交由乙方经营 names who receives, not who acts, after the words too.
    flags('县域内国有景区的门票、停车场及游船经营项目，自签约之日起交由乙方经营二十年，乙方无需另行支付经营权使用费。', 'clause/public-interest');
    flags('如项目亏损，甲方承担乙方全部投资损失。', 'clause/guaranteed-return'); // 承担乙方…: possessor
    flags('甲方负责协调区属平台公司在项目达产后按乙方原始出资额收购乙方所持项目公司股权。', 'clause/guaranteed-return');
    passes('乙方的关联公司为乙方履约提供连带责任保证。', 'clause/government-guarantee');
    flags('乙方代甲方垫付片区拆迁补偿款二亿元。', 'clause/advance-funding'); // counterparty acts
    it('passes clause/advance-funding when the advancing party is itself a government (兄弟地区)', () => {
      const between = { rules, parties: identifyParties({ 甲方: '天津市河北区人民政府', 乙方: '河北省沧源市新港区人民政府' }) };
      const got = evaluateSentence(between, '乙方承诺为转移企业代甲方支付搬迁补助资金。').map((h) => h.clause.rule.id);
      assert.ok(!got.includes('clause/advance-funding'));
    });
    passes('乙方在本区设立的研究院，其研发经费由甲方先期垫付。', 'clause/advance-funding'); // the government pays
  });

  describe('negation and scope', () => {
    flags('管委会同意乙方在施工图未经审查的情况下开工建设。', 'clause/unapproved-construction'); // 未经审查 negates the review, not the works
    flags('区属平台公司被重组的，其付款义务由区政府另行研究，不当然由重组后主体承继。', 'clause/reshuffle-breach'); // 不当然…承继 denies the succession
    passes('本协议不设排他性条款。', 'clause/exclusive');
    passes('甲方不提供任何形式的担保。', 'clause/government-guarantee');
    passes('项目所需资金由甲方按规定纳入财政预算，不由乙方垫资。', 'clause/advance-funding');
    passes('双方合作项目坚持绿色发展，不引进高耗能、高排放项目。', 'clause/industry-policy');
    flags('本协议不设排他性条款，但乙方享有本区充电设施独家经营权。', 'clause/exclusive'); // the second occurrence
    passes('根据规定，协议“不得要求政府机构提供任何形式的担保”。', 'clause/government-guarantee');
  });

  describe('a refused act: 不 and its verb', () => {
    passes('甲方不就乙方的银行贷款提供任何形式的担保。', 'clause/government-guarantee');
    flags('甲方就乙方的银行贷款提供连带责任担保。', 'clause/government-guarantee');
    passes('管委会不同意乙方在取得施工许可前进场施工。', 'clause/unapproved-construction');
    flags('管委会同意乙方在取得施工许可前进场施工。', 'clause/unapproved-construction');
    passes('乙方在取得排污许可证之前不进行试生产。', 'clause/unapproved-construction');
    flags('甲方同意乙方在取得排污许可证之前进行试生产。', 'clause/unapproved-construction');
    passes('两地合作中不转移落后产能。', 'clause/industry-policy');
    flags('两地合作中向乙方转移落后产能。', 'clause/industry-policy');
    passes('甲方不保留单方变更本协议的权利。', 'clause/change-at-will');
    flags('甲方保留单方变更本协议的权利。', 'clause/change-at-will');
    passes('双方不合作建设焦炭、电石等产能过剩及国家明令淘汰类项目。', 'clause/industry-policy');
    flags('双方合作建设焦炭、电石等产能过剩及国家明令淘汰类项目。', 'clause/industry-policy');
    passes('园区不接纳铁合金矿热电炉项目入园。', 'clause/industry-policy');
    flags('园区接纳铁合金矿热电炉项目入园。', 'clause/industry-policy');
  });

  describe('a promise refused: 不作……的承诺', () => {
    passes('甲方对乙方项目不作出暂缓执法或者免予处罚的承诺。', 'clause/waive-rights');
    flags('甲方对乙方项目暂缓执法，不予处罚。', 'clause/waive-rights');
    passes('规划许可未取得前乙方不得动工，甲方也不作任何不予查处的承诺。', 'clause/unapproved-construction');
    flags('乙方在取得许可前开工的，甲方不予查处。', 'clause/unapproved-construction');
  });

  describe('a lead clause that names the rule followed (按照国家关于……的要求，)', () => {
    passes('按照国家关于规范地方政府融资担保的规定，甲方不为乙方的债务提供担保。', 'clause/government-guarantee');
    flags('按照双方商定的融资方案，甲方为乙方的银行贷款提供担保。', 'clause/government-guarantee');
    passes('按照国家关于规范税收等优惠政策的规定，甲方不得对乙方给予变相返还。', 'clause/tax-rebate');
    flags('根据乙方缴纳的增值税地方留成部分，甲方按百分之五十给予奖励。', 'clause/tax-rebate');
  });

  describe('a waived procedure and a permit’s name', () => {
    // 未经审定 waives the 审定 itself: the act after it (先行搭建) is still what is agreed.
    it('flags clause/unapproved-construction by its rule (not the model): 未经审定的方案先行搭建', () => {
      const byRule = evaluateSentence(context, '规划许可办理期间，甲方同意乙方按照未经审定的方案先行搭建钢结构厂房。').filter((h) => h.model === undefined);
      assert.deepEqual(byRule.map((h) => h.clause.rule.id), ['clause/unapproved-construction']);
    });
    passes('规划许可办理期间，乙方不得按照未经审定的方案搭建厂房。', 'clause/unapproved-construction');
    // 施工 in 施工许可 names the permit, not the act.
    passes('乙方取得施工许可前，只开展勘察设计，不得进行主体施工。', 'clause/unapproved-construction');
    flags('乙方取得施工许可前，可进行主体施工。', 'clause/unapproved-construction');
  });

  describe('a cue that runs into the word (无须 + 须在)', () => {
    passes('外地企业参与本项目投标的，无须在本区设立分支机构。', 'clause/local-condition');
    flags('外地企业参与本项目投标的，须在本区设立分支机构。', 'clause/local-condition');
  });

  describe('case-by-case support by law and by the prescribed procedure', () => {
    passes('对特别重大项目，甲方依法依规、按规定程序研究一事一议支持措施，并报有权机关批准。', 'clause/open-ended-reward');
    flags('对特别重大项目，甲方按照一事一议原则给予支持，支持额度另行商定。', 'clause/open-ended-reward');
  });

  describe('a concession renewed through a new competitive selection', () => {
    passes('项目公司在特许经营期满后拟继续经营的，应当提出申请，由甲方重新组织竞争性选择程序，乙方可依法参与。', 'clause/concession-bypass');
    flags('特许经营期满后，乙方可继续经营二十年，无需另行进行竞争性选择。', 'clause/concession-bypass');
  });

  describe('a leadership change after which the agreement holds as it was', () => {
    passes('甲方主要负责人变更时，本协议约定的扶持政策仍按原约定兑现，不予重新核定。', 'clause/reshuffle-breach');
    flags('甲方主要负责人变更时，本协议约定的扶持政策由新任负责人重新核定。', 'clause/reshuffle-breach');
    flags('甲方领导班子换届后，是否继续按原约定兑现由新一届政府研究确定。', 'clause/reshuffle-breach');
  });

  describe('a refused manner, a refused automatic effect, a burden kept off the counterparty', () => {
    passes('本协议终止的，甲方不按乙方投资额的倍数支付补偿，补偿范围以乙方实际发生的直接损失为限。', 'clause/excess-compensation');
    flags('本协议终止的，甲方按乙方投资额的三倍支付补偿。', 'clause/excess-compensation');
    passes('任何一方均不得要求乙方为政府应承担的征收补偿、基础设施建设等事项垫付资金。', 'clause/waive-rights');
    flags('甲方不得要求乙方承担逾期投产的违约责任。', 'clause/waive-rights');
    passes('乙方将总部由外省迁至本区的，甲方依法为其办理迁移登记手续，不给予落户奖励。', 'clause/local-condition');
    flags('乙方将总部迁至本区的，甲方给予落户奖励五百万元。', 'clause/local-condition');
    passes('乙方因规划调整需要迁址的，搬迁补偿按照评估机构评定的资产价值和国家规定的补偿标准确定。', 'clause/relocation-incentive');
    passes('甲方依本协议享有的解除权、求偿权及监督权，不因乙方的任何单方声明而丧失。', 'clause/change-at-will');
    flags('甲方享有单方解除本协议的权利。', 'clause/change-at-will');
  });

  describe('the government keeping the last word over what was agreed', () => {
    flags('乙方享受的扶持政策的范围和期限，由甲方届时研究决定。', 'clause/change-at-will');
    passes('乙方享受的扶持政策的范围和期限，由双方届时研究决定并签订补充协议。', 'clause/change-at-will');
    flags('甲方承诺的配套设施建设，得由甲方按财政状况予以调整或取消，毋须另行与乙方协商。', 'clause/change-at-will');
    passes('甲方承诺的配套设施建设，按本协议约定的时间执行，甲方不以财政状况变化为由延后或取消。', 'clause/change-at-will');
    flags('项目周边道路由甲方统筹实施，完成时间以甲方年度计划为准，不受本协议约定节点的约束。', 'clause/change-at-will');
  });

  describe('a return promised over a long clause, a shortfall made up', () => {
    flags('甲方承诺乙方投资本金全额返还，并保证乙方每年获得百分之七的投资回报。', 'clause/guaranteed-return');
    passes('甲方不保证乙方每年获得百分之七的投资回报。', 'clause/guaranteed-return');
    flags('若项目公司净利润未达约定标准，缺口部分由甲方统筹补足。', 'clause/guaranteed-return');
    passes('项目公司融资由其自主进行，甲方不出具承诺函，还款缺口由股东按公司章程承担。', 'clause/guaranteed-return');
  });

  describe('more refused acts read with their verb', () => {
    passes('乙方融资还款风险由乙方自行承担，甲方不负有任何代偿义务。', 'clause/government-guarantee');
    flags('乙方到期不能偿还贷款的，甲方负有代偿义务。', 'clause/government-guarantee');
    passes('本协议确认乙方投资回报全部来源于项目经营收入，甲方不支付任何固定回报。', 'clause/guaranteed-return');
    flags('甲方每年向乙方支付固定回报。', 'clause/guaranteed-return');
    passes('乙方运营所需临街商铺由乙方按市场价格自行租赁，甲方不从国有资产中无偿调剂。', 'clause/public-interest');
    passes('投资期满，乙方无权要求甲方受让其所持股权，乙方退出须通过市场化方式进行。', 'clause/government-shareholding');
  });

  describe('a deal ended by the government\'s policy or plan, the loss left with the counterparty', () => {
    flags('如遇政策变动致本协议终止，乙方已投入的资金及预期收益损失概由乙方自负，与甲方无涉。', 'clause/no-compensation');
    passes('因乙方违约致本协议终止的，乙方损失由乙方自行承担。', 'clause/no-compensation');
    flags('甲方因工程调整取消部分施工内容的，乙方不得就已采购材料、已进场机械设备及预期利润另行主张费用。', 'clause/no-compensation');
    flags('甲方因片区改造收回乙方租用的门面房的，装修投入及停业损失概不处理。', 'clause/no-compensation');
  });

  describe('a debt, a return or a risk the government side takes on in other words', () => {
    flags('乙方项目贷款本息偿还不足部分由甲方统筹解决。', 'clause/government-guarantee');
    passes('乙方项目贷款本息由乙方自行偿还，甲方不承担任何偿还责任。', 'clause/government-guarantee');
    flags('乙方以项目收益权质押向银行贷款。质押不足以覆盖贷款本息的，差额由甲方承担。', 'clause/government-guarantee');
    flags('乙方的投资风险由甲方承担，乙方仅按约定比例分享项目收益。', 'clause/guaranteed-return');
    passes('乙方的投资风险由乙方自行承担，甲方不承诺任何收益。', 'clause/guaranteed-return');
    flags('项目建成后由甲方按年支付乙方可用性服务费，该费用与绩效考核结果脱钩。', 'clause/guaranteed-return');
  });

  describe('rights given up in other words, and the lawful neighbours', () => {
    flags('项目最终未能落地的，上述款项作为前期合作成本处理，甲方不再主张返还。', 'clause/waive-rights');
    flags('乙方交付的设备存在质量问题的，甲方不得拒收，亦不要求更换或退款。', 'clause/waive-rights');
    flags('项目公司运营绩效考核不达标的，甲方不扣减可用性付费。', 'clause/waive-rights');
    passes('甲方根据绩效考核结果支付可用性服务费，考核不达标的相应扣减。', 'clause/waive-rights');
    passes('甲方不得以工作需要为由收回已交由乙方管理的农贸市场经营权，确因公共利益需要收回的，依照法定程序办理并依法补偿。', 'clause/waive-rights');
    flags('因规划变更配套道路不再建设的，乙方不得据此提出任何主张。', 'clause/no-compensation');
  });

  describe('exclusivity and public assets in other words', () => {
    flags('甲方承诺，在合作期限内不在该片区引入与乙方项目构成竞争关系的大型商业综合体项目。', 'clause/exclusive');
    passes('甲方在该片区引入商业综合体项目，依法公平竞争择优确定投资主体。', 'clause/exclusive');
    flags('合作园区汽车零部件配套板块只对乙方推荐的企业开放。', 'clause/exclusive');
    flags('甲方将区体育中心无偿交乙方经营。', 'clause/public-interest');
    flags('园区现有污水处理厂系政府投资建设的公共设施。该设施自本协议生效之日起由甲方移交乙方所有，乙方无需支付对价。', 'clause/public-interest');
    passes('乙方承诺其自有的职工活动中心在节假日免费向周边居民开放使用。', 'clause/public-interest');
  });

  describe('text pasted from a narrow column', () => {
    passes('甲方应承担的基础设施建设资金，\n不得要求乙方\n以任何形式先行垫付。', 'clause/advance-funding');
  });

  describe('lawful finality, rights kept and losses compensated as they arose', () => {
    passes('因本协议发生的争议，双方同意提交某某仲裁委员会仲裁，仲裁裁决为终局裁决。', 'clause/unilateral-interpretation');
    flags('本协议的解释以甲方的意见为最终结论。', 'clause/unilateral-interpretation');
    passes('本协议的解除或者终止，不影响甲方依照本协议追究乙方违约责任和收回土地的权利。', 'clause/waive-rights');
    passes('因甲方规划调整致项目无法继续实施的，甲方按乙方已实际发生且经审计确认的投资损失给予合理补偿。', 'clause/guaranteed-return');
    flags('项目亏损的，甲方承担乙方全部投资损失。', 'clause/guaranteed-return');
    passes('可行性研究报告中的投资回收期测算仅供乙方决策参考，甲方对测算结果不作任何保证。', 'clause/guaranteed-return');
    passes('乙方主动将总部迁入本区的，依法办理迁移登记，甲方不因此给予额外奖励。', 'clause/local-condition');
  });

  describe('lawful tax relief, refused tolerance, conditions refused and claims given up by the counterparty', () => {
    passes('乙方经认定为高新技术企业的，依法按百分之十五的税率缴纳企业所得税，相关优惠由乙方按规定自行向主管税务机关申报享受。', 'clause/tax-rebate');
    passes('乙方应当在依法取得建筑工程施工许可证后方可开工建设，甲方不允许、不默许乙方未批先建。', 'clause/unapproved-construction');
    flags('乙方未取得施工许可证的，甲方默许乙方先行开工建设。', 'clause/unapproved-construction');
    passes('双方鼓励企业通过设立分支机构等市场化方式开展产业合作，不以迁移注册地、转移税源作为给予任何优惠的条件。', 'clause/local-condition');
    flags('乙方须在本区设立独立法人，作为享受扶持政策的前提条件。', 'clause/local-condition');
    passes('乙方自愿放弃就本项目向甲方主张任何额外补偿的权利。', 'clause/excess-compensation');
    passes('两区严格执行国家统一出台的减费降费政策，不自行设定收费优惠。', 'clause/fee-waiver');
  });

  describe('risks named by their effect', () => {
    flags('如甲方因换届选举导致工作重点发生变化，甲方可按照新的工作部署调整本协议内容。', 'clause/reshuffle-breach');
    passes('甲方出现政府换届、机构调整等情形的，本协议继续有效。', 'clause/reshuffle-breach');
    flags('经双方协商，原协议约定的二期安置房工程一并纳入乙方施工范围，按一期中标价格结算，不再另行招标。', 'clause/bid-bypass');
    passes('乙方作为中标施工单位，按合同约定的进度款比例收取工程款。', 'clause/bid-bypass');
    flags('双方补充约定，乙方原享受的以奖代返政策继续执行至二〇三〇年年底。', 'clause/tax-rebate');
    flags('原协议约定的取得施工许可后开工，调整为本补充协议签订后即可开工。', 'clause/unapproved-construction');
    flags('项目立项、规划、环评等前置手续由甲方包干办结，乙方只需提交基本资料。', 'clause/beyond-authority');
    flags('甲方棚户区改造的征收工作经费，在财政资金到位前由乙方予以周转。', 'clause/advance-funding');
    flags('乙方如未能实现约定的年产值目标，甲方收到书面说明后即不再主张任何补偿。', 'clause/waive-rights');
  });

  describe('discretion, approvals, awards, debts and plots in still other words', () => {
    flags('乙方享受的租金补贴，甲方可结合年度工作重点相应调减或者取消，提前十日书面告知即可。', 'clause/change-at-will');
    flags('甲方可视征收拆迁进度，单方顺延或者取消向乙方交付净地。', 'clause/change-at-will');
    flags('项目用地的不动产权证书由甲方负责在十个工作日内办出。', 'clause/beyond-authority');
    passes('甲方负责协调初步设计批复的办理，乙方在施工许可取得前不得开展主体工程施工。', 'clause/beyond-authority');
    flags('县域城乡公交一体化项目的特许经营者，由甲方径行确定为乙方。', 'clause/bid-bypass');
    flags('乙方对项目公司的入股资金，甲方保证三年期满原额退还。', 'clause/disguised-debt');
    flags('甲方以储备土地为乙方贷款设定抵押。', 'clause/government-guarantee');
    flags('项目用地由甲方负责解决，乙方无需参与公开竞价。', 'clause/land-preassignment');
    passes('项目用地由甲方依法公开出让，乙方依法参与公开竞价。', 'clause/land-preassignment');
    flags('参建单位须完成属地注册、属地纳税、属地统计后方可结算工程款。', 'clause/local-condition');
    flags('因财政预算调整，甲方可削减采购数量，乙方已备货部分的损失甲方不予承担。', 'clause/no-compensation');
    flags('合作期满后，污水处理设施不再移交甲方，由乙方继续无偿使用和经营。', 'clause/public-interest');
  });

  describe('refused clauses, kept conditions and lawful stops', () => {
    passes('双方确认，本协议不设置甲方单方收回特许经营权而免于补偿的条款。', 'clause/waive-rights');
    passes('乙方依法享有股东权利并承担经营风险，甲方不对乙方的投资本金及收益作任何保证，亦不负回购义务。', 'clause/guaranteed-return');
    flags('乙方投资期满，甲方负有按投资本金回购乙方股权的义务。', 'clause/guaranteed-return');
    passes('甲方所属行政事业单位办公用房不得用于为乙方或任何第三方的融资提供抵押担保。', 'clause/exclusive');
    passes('乙方缴纳的项目履约保证金仅担保本协议投资义务的履行。', 'clause/guaranteed-return', 'clause/government-guarantee');
    passes('乙方是否将总部迁入本区，均不影响其依照本区公开政策申请各项扶持资金的资格。', 'clause/local-condition');
    passes('双方同意乙方在调整方案依法获批前暂停相关部位施工。', 'clause/unapproved-construction');
    passes('两区共建园区内的入驻项目，由甲方依法办理审批手续，项目建设以取得全部法定审批为前提。', 'clause/unapproved-construction');
  });

  describe('building before approval and suits given up', () => {
    flags('为加快项目落地，项目建设不以审批手续办结为前提。', 'clause/unapproved-construction');
    passes('项目建设以取得全部审批手续为前提。', 'clause/unapproved-construction');
    flags('用地交付当日即组织开工，规划、施工许可等手续后续跟进办理。', 'clause/unapproved-construction');
    flags('甲方承诺不就本协议项下的任何争议对乙方提起诉讼或者申请仲裁。', 'clause/waive-rights');
    flags('甲方对乙方工期延误造成的损失不予主张，工程款照常按节点拨付。', 'clause/waive-rights');
  });

  describe('a breach excused is not the counterparty\'s breach', () => {
    flags('合作期内因区划调整、机构改革等原因致使甲方承诺事项无法继续履行的，视为各方均未违约，甲方不负补偿义务。', 'clause/no-compensation');
    passes('因乙方违约致使本协议无法继续履行的，甲方不负补偿义务。', 'clause/no-compensation');
  });

  describe('the lawful neighbours the training sentences hold', () => {
    passes('管委会可根据产业规划继续引进同类企业，乙方对此不持异议。', 'clause/unilateral-interpretation');
    flags('乙方对甲方就本协议所作的解释不持异议。', 'clause/unilateral-interpretation');
    passes('管委会对乙方反映的问题实行一事一议、限时办结，但不涉及对乙方的资金奖励或者政策优惠。', 'clause/open-ended-reward');
    passes('乙方放弃就本项目向甲方申请额外奖励的权利。', 'clause/open-ended-reward');
    passes('乙方在景区内的公共步道、公共卫生间免费向游客开放。', 'clause/public-interest', 'clause/free-state-assets');
    passes('如规划修编导致项目无法实施，甲方应依法退还乙方已缴纳的土地出让价款及相关税费。', 'clause/land-price', 'clause/tax-rebate');
    passes('乙方未达到约定的亩均税收标准的，甲方停止兑现后续奖励，已兑现部分按约定比例退还。', 'clause/tax-rebate');
    passes('乙方融资不足部分由乙方股东以增资方式补足，与甲方无关。', 'clause/disguised-debt');
  });

  describe('a burden or a holding is not a contract awarded', () => {
    passes('乙方以污水处理收费权质押融资的，融资风险由乙方承担，甲方不承担差额补足或代偿义务。', 'clause/bid-bypass');
    passes('项目公司股权全部由乙方持有，甲方只负责做好征地拆迁、基础设施配套等服务保障工作。', 'clause/bid-bypass');
    flags('园区污水处理厂的运营由乙方承担，期限二十年。', 'clause/bid-bypass');
  });

  describe('a party label is not the act it spells', () => {
    passes('投资方现有燃煤锅炉不得迁入园区。', 'clause/industry-policy');
    flags('投资方将现有燃煤锅炉迁入园区继续使用。', 'clause/industry-policy');
  });

  describe('what is not the agreement, the restricted plant or the award it looks like', () => {
    passes('甲方可以根据工作需要调整本协议的联络人员，但应当及时书面通知乙方。', 'clause/change-at-will');
    flags('甲方可以根据工作需要调整本协议约定的扶持政策。', 'clause/change-at-will');
    passes('甲方将厂区原有燃煤锅炉全部改为天然气锅炉，并配套建设余热回收系统。', 'clause/industry-policy');
    flags('乙方在园区新建燃煤锅炉三台。', 'clause/industry-policy');
    passes('乙方及其关联企业参与本项目相关工程投标的，与其他投标人享有同等权利。', 'clause/bid-bypass');
    flags('园区道路工程交由乙方关联企业承建。', 'clause/bid-bypass');
  });

  describe('a product made to replace a restricted one is not that product', () => {
    passes('项目利用粉煤灰等工业固废生产蒸压加气混凝土砌块，用于替代实心黏土砖。', 'clause/industry-policy');
    flags('乙方在本县新建年产一亿块实心黏土砖生产线。', 'clause/industry-policy');
  });

  describe('the published policy prevails, not a party’s reading', () => {
    passes('乙方享受的扶持政策均以甲方已公开发布的政策文件为准。', 'clause/unilateral-interpretation');
    flags('协议条款的含义以甲方公开发布的解释文件为准。', 'clause/unilateral-interpretation');
  });

  describe('a negated ground in its own clause (不得以本协议为依据，)', () => {
    passes('区里不得以本协议为依据，将片区道路工程直接交由乙方承建。', 'clause/bid-bypass');
    flags('区里以本协议为依据，将片区道路工程直接交由乙方承建。', 'clause/bid-bypass');
    // Any prohibition word before 以……名义, not only 不以 / 不得以.
    passes('严禁以战略合作、招商引资等名义，将依法必须招标的工程直接交由乙方承建。', 'clause/bid-bypass');
    flags('以战略合作、招商引资等名义，将依法必须招标的工程直接交由乙方承建。', 'clause/bid-bypass');
  });

  describe('an earlier term named to repeal it (原协议中……的约定……废止)', () => {
    passes('双方确认，原协议中关于乙方独家供应园区蒸汽的约定自即日起废止。', 'clause/exclusive');
    // What replaces it is read as usual.
    flags('双方确认，原协议中的供热条款变更为由乙方独家供应园区蒸汽。', 'clause/exclusive');
  });

  describe('a government body, not its state-owned vehicle, holding shares', () => {
    const shareholding = (parties: Record<string, string>) =>
      evaluateSentence({ rules, parties: identifyParties(parties) }, '甲方按持股比例享有乙方利润分配权。').map((h) => h.clause.rule.id);
    it('passes clause/government-shareholding when 甲方 is a district investment group (the lawful vehicle)', () => {
      assert.ok(!shareholding({ 甲方: '某某区产业投资集团有限公司', 乙方: '某某新材料有限公司' }).includes('clause/government-shareholding'));
    });
    it('flags clause/government-shareholding when 甲方 is the district government itself', () => {
      assert.ok(shareholding({ 甲方: '某某区人民政府', 乙方: '某某新材料有限公司' }).includes('clause/government-shareholding'));
    });
  });

  describe('segmentation traps', () => {
    passes('任何情况下，甲方支付的补偿金额均不得超过乙方经审计的实际投资损失。', 'clause/waive-rights'); // 经审计的: audited, not auditing
    flags('甲方不再对乙方的项目资金进行审计。', 'clause/waive-rights');
    passes('甲方承担保险费用中的单位缴费部分。', 'clause/government-guarantee'); // 承担|保险, not 担保
    passes('甲方确保底线不突破。', 'clause/guaranteed-return'); // 确保|底线, not 保底
    passes('甲方落实社会保障兜底政策。', 'clause/government-guarantee'); // 兜底保障 is social policy
    flags('甲方对乙方的投资承担保本责任。', 'clause/guaranteed-return');
  });

  describe('negation governs its own slot', () => {
    passes('甲方不将注册地迁移作为享受扶持政策的条件。', 'clause/local-condition', 'clause/relocation-incentive');
    passes('甲方不直接将特许经营权授予乙方。', 'clause/concession-bypass');
    passes('甲方不授予乙方任何独占性、排他性权利。', 'clause/exclusive');
    // 不经公开招标 negates the tender, so 公开招标 does not exempt; what follows it still counts.
    flags('甲方不经公开招标，将县城污水处理特许经营项目交由乙方实施。', 'clause/concession-bypass');
    flags('甲方不予收取乙方项目的人防易地建设费。', 'clause/fee-waiver');
    passes('甲方不得减免乙方应缴纳的行政事业性收费。', 'clause/fee-waiver');
    // A negated condition whose consequence withdraws the benefit is the condition put the other way round.
    flags('乙方不将注册地迁入本区的，甲方收回已拨付的奖励资金。', 'clause/local-condition');
    passes('乙方未在本区注册的，亦可享受同等政策。', 'clause/local-condition');
    // A cited rule's 不得 negates nothing outside the quotation.
    flags('按照“不得层层加码”的要求，甲方对乙方项目免收城市基础设施配套费。', 'clause/fee-waiver');
    // A negated manner or condition in its own clause governs the predicate after the comma.
    passes('甲方不以回购、差额补足、承诺收益等任何方式，为乙方的投资提供保本保收益安排。', 'clause/guaranteed-return');
    passes('甲方不以本协议约定的投资为条件，将任何依法必须招标的工程直接交由乙方承担。', 'clause/bid-bypass');
    flags('甲方以回购方式，为乙方的投资提供保本保收益安排。', 'clause/guaranteed-return');
    // 不因此放弃: the right is kept, not waived.
    passes('乙方可以请求人民法院予以调整，甲方不因此放弃主张违约金的权利。', 'clause/waive-rights');
    // …无关 after the trigger denies the link.
    passes('双方确认，乙方享受的支持政策对全区企业普遍适用，与乙方是否将总部迁入本区无关。', 'clause/relocation-incentive');
    passes('乙方承诺，项目环境影响评价文件未经审批的，不开工建设。', 'clause/unapproved-construction');
    passes('乙方的取水许可由主管部门依法审批，取得取水许可前乙方不得取水施工。', 'clause/unapproved-construction');
  });

  describe('exclusivity by 仅由', () => {
    flags('甲方同意本縣境內的礦泉水資源僅由乙方一家開發。', 'clause/exclusive');
    flags('甲方同意港区集装箱拖车运输仅由乙方及其指定车队承运。', 'clause/exclusive');
  });

  describe('quotations', () => {
    flags('甲方对乙方给予以下支持：项目设备购置补贴，按照“一企一策”原则确定补贴额度。', 'clause/open-ended-reward');
    passes('双方对项目推进中出现的问题，按照“一事一议”的方式协商解决。', 'clause/open-ended-reward');
    passes('通知要求清理以“一事一议”形式给予的优惠政策。', 'clause/open-ended-reward');
    flags('甲方同意将其持有的国有土地使用权及地上建筑物以“零对价”方式划转至乙方名下。', 'clause/free-state-assets');
  });

  describe('who acts, more', () => {
    flags('乙方使用的区属标准厂房前三年免收租金。', 'clause/free-state-assets'); // 乙方使用的: inside a noun phrase
    flags('甲方同意将研发楼第三至六层交由乙方零租金使用三年。', 'clause/free-state-assets'); // 交由乙方: receiver
    flags('甲方与乙方共同设立项目公司，甲方出资比例为百分之四十。', 'clause/government-shareholding'); // the head names its actor
    passes('乙方违约的，应赔偿甲方全部损失。', 'clause/excess-compensation'); // 乙方违约的，: a condition, not a noun phrase
    passes('乙方对合作中知悉的甲方商业秘密负有保密义务，不得向第三方披露。', 'clause/exclusive'); // 的甲方: a possessor
    flags('甲方负责在乙方进场前办妥项目的施工许可和不动产权证书。', 'clause/beyond-authority'); // 在乙方…前: a time, not the actor
    passes('乙方更换项目负责人的，应提前三十日通知甲方，并保证项目建设进度不受影响。', 'clause/beyond-authority'); // 通知甲方: the one told
    passes('乙方保证其提交的资格文件真实有效，如有虚假，愿承担由此给甲方造成的全部损失。', 'clause/excess-compensation'); // 由此: thereby, no agent
    flags('甲方承诺在乙方退出时保证其投资本金不受损失。', 'clause/guaranteed-return'); // 在乙方退出时: not the actor
    flags('甲方就乙方与商户签订的租赁合同提供履约担保。', 'clause/government-guarantee'); // 就乙方: the object
    flags('园区道路建设资金由甲方推荐的企业先行投入，管委会分期归还。', 'clause/advance-funding'); // 甲方推荐的企业: the company acts
    flags('项目如出现亏损，由甲方承担乙方的全部投资损失。', 'clause/guaranteed-return'); // 由甲方承担乙方的: 甲方 acts
    flags('甲方有权视乙方经营情况，单方面缩减乙方的用地规模。', 'clause/change-at-will'); // 视乙方…: a circumstance, not the actor
    flags('甲方将根据乙方需要修改本区扶持政策的申报条件，确保乙方符合申报要求。', 'clause/beyond-authority'); // 根据乙方需要
    it('reads a party named in traditional characters as the government side', () => {
      const traditional = { rules, parties: identifyParties({ 甲方: '某某高新技術產業開發區管理委員會', 乙方: '某某半導體有限公司' }) };
      const got = evaluateSentence(traditional, '甲方將園區內現有標準廠房無償提供乙方使用五年。').map((h) => h.clause.rule.id);
      assert.ok(got.includes('clause/free-state-assets'), got.join(', '));
    });
    it('reads a district investment company as acting for the government', () => {
      const platform = { rules, parties: identifyParties({ 甲方: '某某区人民政府', 乙方: '某某创业投资有限公司', 丙方: '某某市产业投资控股有限公司' }) };
      const got = evaluateSentence(platform, '丙方应按乙方投资额加年息百分之八的价格回购乙方所持股权。').map((h) => h.clause.rule.id);
      assert.ok(got.includes('clause/disguised-debt'), got.join(', '));
    });
  });

  describe('gapped phrases', () => {
    flags('区政府占合资公司百分之三十一的股份，为第一大股东。', 'clause/government-shareholding'); // 占……股份: a long gap
    flags('商业中心周边五百米范围内，甲方不再规划建设同类商业设施。', 'clause/exclusive');
    flags('入住率不足的差额部分由甲方按床位补足。', 'clause/guaranteed-return');
    flags('因甲方领导人员调整导致本协议无法履行的，甲方不承担任何责任。', 'clause/reshuffle-breach');
    passes('甲方领导人员调整的，由承继其职能的部门继续履行。', 'clause/reshuffle-breach');
  });

  describe('the scope of a negation and of lawful wording', () => {
    // 不能 negates 兑付 inside the noun phrase …的部分; the government's act 代为偿还 stands.
    flags('乙方发行的企业债券到期不能兑付的部分由甲方代为偿还。', 'clause/government-guarantee');
    flags('乙方不能按期还款时由甲方代为偿还。', 'clause/government-guarantee');
    passes('甲方不对乙方的债务承担偿还责任。', 'clause/government-guarantee');
    passes('甲方不得为乙方的贷款提供担保。', 'clause/government-guarantee');
    // The company's lawful act in its own clause leaves the government's waiver as it is.
    flags('乙方依法缴纳各项税款，甲方免收乙方城市基础设施配套费。', 'clause/fee-waiver');
    flags('乙方依法享受国家规定的税收优惠政策，甲方另按其缴纳增值税地方留成部分的50%给予奖励。', 'clause/tax-rebate');
    passes('乙方依法纳税，依法享受国家规定的税收优惠政策。', 'clause/tax-rebate');
    passes('对于小微企业免征的不动产登记费，乙方符合条件的由登记机构依照规定直接免收。', 'clause/fee-waiver');
    passes('乙方多缴税款申请退还的，由主管税务机关依照《中华人民共和国税收征收管理法》第五十一条办理。', 'clause/tax-rebate');
    flags('因生态环境保护要求关停乙方生产线的，甲方除依法补偿外，另按乙方年产能每吨一百元的标准一次性支付奖励性补偿。', 'clause/excess-compensation');
    // A quoted or cited prohibition is compliant.
    passes('根据国家规定，政府不得承诺保底收益、固定回报。', 'clause/guaranteed-return');
    passes('甲方承诺严格执行国家关于“不得承诺固定回报”的规定。', 'clause/guaranteed-return');
    passes('甲方按照“不搞保底承诺”的原则与乙方合作。', 'clause/guaranteed-return');
    // The quoted prohibition does not cover a promise made outside it.
    flags('双方按照“禁止承诺固定回报”执行，甲方承诺乙方年收益率不低于8%。', 'clause/guaranteed-return');
  });

  describe('a condition whose consequence sanctions the counterparty', () => {
    // The risky act is what the counterparty must not do: its consequence deters it.
    passes('乙方擅自在取得许可前施工的，由此产生的行政处罚、停工损失及整改费用均由乙方自行承担。', 'clause/unapproved-construction');
    flags('乙方在取得施工许可前先行施工的，甲方不予处罚。', 'clause/unapproved-construction');
    // The government's own act as the condition, the loss left to the counterparty: the risk itself.
    flags('采购人因预算调整解除本合同的，供应商已发生的费用由其自行承担，采购人不予补偿。', 'clause/no-compensation');
    flags('如遇政策變動致本協議終止，乙方已投入之資金及預期收益損失概由乙方自負，與甲方無涉。', 'clause/no-compensation');
  });

  describe('a payment not taken, and a charge waived', () => {
    passes('乙方在土地出让前支付的任何款项均不构成土地出让价款，甲方不收取任何形式的土地定金或者预付款。', 'clause/land-preassignment');
    // 不收取 before a fee or a rent is the waiver itself.
    flags('县人民政府同意，乙方在本县范围内投资的所有项目，在协议有效期内不收取县级权限内的任何行政事业性收费。', 'clause/fee-waiver');
    flags('甲方不收取乙方的城市基础设施配套费。', 'clause/fee-waiver');
    flags('甲方对乙方不收取任何行政事业性收费和厂房租金。', 'clause/fee-waiver');
  });

  describe('a request turned down, and an earlier term deleted', () => {
    passes('会议纪要：乙方要求县政府出具还款承诺函一事，会议明确不予出具，请丙方依托自身经营性现金流与银行协商融资方案。', 'clause/fiscal-credit-support', 'clause/government-guarantee');
    passes('会议纪要：企业提出预先锁定地块并约定成交价的要求，因与国有土地出让规定不符，会议不予同意，请县自然资源局依法组织公开出让。', 'clause/land-preassignment');
    passes('会议纪要：企业提出的以迁入注册地换取专项奖励的方案，与公平竞争审查要求不符，会议决定不予采纳。', 'clause/relocation-incentive', 'clause/local-condition');
    passes('会议纪要：企业提出的“一事一议”特殊奖励诉求，因缺乏政策依据，会议不予支持，请区招商局向企业做好解释工作。', 'clause/open-ended-reward');
    // Granted, the request is the promise.
    flags('会议纪要：乙方要求县政府出具还款承诺函一事，会议同意由县财政局出具还款承诺函。', 'clause/government-guarantee');
    passes('补充协议：删除原协议第十一条关于乙方先行垫付安置房建设资金的约定，安置房建设改由区住建局作为业主，按政府投资项目程序实施。', 'clause/advance-funding');
    passes('补充协议：经合法性审查，删除原协议第十二条关于乙方无偿使用县人民医院老院区房屋的约定，老院区资产由县国资部门依法另行处置。', 'clause/free-state-assets', 'clause/public-interest');
  });

  describe('a promise made in a list\'s lead-in', () => {
    const lead = '甲方对乙方物流园项目作出如下保证：';
    const onItem = (item: string) => evaluateSentence(context, item, undefined, lead);
    it('reads the item with the promise its lead-in makes', () => {
      const hits = onItem('（二）园区铁路专用线于2027年底前取得接轨批复。');
      assert.deepEqual(hits.map((h) => h.clause.rule.id), ['clause/beyond-authority']);
      // The finding lies in the item, from its own word on.
      assert.ok(hits[0].start >= '（二）园区铁路专用线于2027年底前取得接轨'.length - 2);
    });
    it('does not report an item that adds none of the words', () => {
      assert.deepEqual(evaluateSentence(context, '（三）乙方按月报送工程进度。', undefined, '甲方保证乙方项目取得施工许可，具体如下：').map((h) => h.clause.rule.id), []);
    });
  });

  describe('a clause amended in a supplementary agreement', () => {
    // The new wording after 修改为 is what is agreed now; the old wording in quotes before it is not.
    flags('补充协议：原协议第五条“甲方于项目竣工后六个月内拨付建设补助800万元”修改为“建设补助的拨付时间和金额由甲方另行确定”。', 'clause/open-ended-reward');
    passes('补充协议：原协议第六条“景区游客服务中心由乙方下属工程公司负责建设”修改为“景区游客服务中心由甲方依法通过公开招标确定建设单位”。', 'clause/bid-bypass');
  });

  describe('a condition set in quotation marks', () => {
    // The words after 设定为 are the condition itself, not a citation.
    flags('投标人资格条件设定为“近三年在本县完成过同类工程业绩的企业”。', 'clause/local-condition');
  });
});
