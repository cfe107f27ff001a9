/**
 * The demo data of SPEC section 6, laid out as a year of history: the dev chain's clock starts a
 * year back and moves forward between steps, so that chain time meets the wall clock when seeding
 * ends and the dashboard has twelve months to show. Everything goes through the API as the roles
 * themselves, so the demo data is exactly what real use would produce.
 */
import { createHash } from "node:crypto";
import { ApiClient } from "../client.js";
import { checkDigit } from "../domain/patentNumber.js";
import { dateOfSeconds } from "../domain/time.js";

export const DEMO_USERS = {
  ent1: { kind: "enterprise", org: "星海智能科技有限公司 (Xinghai Intelligent Tech)" },
  ent2: { kind: "enterprise", org: "青松生物医药股份有限公司 (Qingsong Biopharma)" },
  bank1: { kind: "bank", org: "华信银行科技支行 (Huaxin Bank, Tech Branch)" },
  bank2: { kind: "bank", org: "长江商业银行 (Changjiang Commercial Bank)" },
  appraiser1: { kind: "appraiser", org: "中评资产评估有限公司 (Zhongping Appraisal)" },
  ipoffice1: { kind: "ipoffice", org: "市知识产权局 (Municipal IP Office)" },
  fund1: { kind: "fund", org: "市知识产权质押融资风险补偿资金池 (Risk Compensation Fund)" },
  regulator1: { kind: "regulator", org: "市地方金融监督管理局 (Local Financial Regulator)" },
} as const;

type Member = keyof typeof DEMO_USERS;
const DAY = 86_400;
const YUAN = 100n; // fen per yuan

export interface SeedProgress {
  (message: string): void;
}

export async function seedDemo(baseUrl: string, password: string, progress: SeedProgress): Promise<void> {
  const anonymous = new ApiClient(baseUrl);
  const admin = await anonymous.login("admin", password);
  const head = async () =>
    Math.floor(Date.parse((await anonymous.get<{ chain: { time: string } }>("/health")).chain.time) / 1000);
  const start = await head();
  const until = (day: number) => start + day * DAY;
  /** Moves chain time forward to `day` of the demo year (never backward). */
  const at = async (day: number) => {
    const gap = until(day) - (await head());
    if (gap > 0) await admin.post("/dev/advance-time", { seconds: gap });
  };
  const iso = (seconds: number) => dateOfSeconds(seconds).toISOString();

  progress("organisations and users");
  const as = {} as Record<Member, ApiClient>;
  const orgIds = {} as Record<Member, string>;
  // The operator seats the first regulator; the regulator approves the authorities (SPEC section 8).
  const regulatorFirst = (Object.entries(DEMO_USERS) as [Member, (typeof DEMO_USERS)[Member]][]).sort(
    ([, a], [, b]) => Number(b.kind === "regulator") - Number(a.kind === "regulator"),
  );
  for (const [name, { kind, org }] of regulatorFirst) {
    const created = await admin.post<{ id: string; roleGranted: boolean }>("/orgs", { name: org, kind });
    if (!created.roleGranted) await as.regulator1.post(`/orgs/${created.id}/approve`, {});
    await admin.post("/users", { username: name, password, orgId: created.id });
    as[name] = await anonymous.login(name, password);
    orgIds[name] = created.id;
  }
  await admin.put("/params", {
    ltvCapBps: 5000,
    graceDays: 90,
    fundShareBps: 5000,
    fundCapacity: (50_000_000n * YUAN).toString(),
  });

  progress("bank products");
  const product = async (bank: ApiClient, body: Record<string, unknown>) =>
    (await bank.post<{ id: string }>("/products", body)).id;
  const P1 = await product(as.bank1, {
    name: "科创知识产权贷 Tech IP Loan",
    description: "面向科技型中小企业的专利质押贷款 / patent-backed loans for tech SMEs",
    maxAmount: (10_000_000n * YUAN).toString(),
    minRateBps: 350,
    maxRateBps: 800,
    maxTermDays: 1095,
    ltvBps: 5000,
  });
  const P2 = await product(as.bank1, {
    name: "专利快贷 Patent Express",
    description: "一年期以内的快速审批 / fast approval, up to one year",
    maxAmount: (3_000_000n * YUAN).toString(),
    minRateBps: 400,
    maxRateBps: 1000,
    maxTermDays: 365,
    ltvBps: 4000,
  });
  const P3 = await product(as.bank2, {
    name: "知识产权质押融资 IP Pledge Financing",
    description: "长江商业银行知识产权质押融资 / Changjiang's IP pledge financing",
    maxAmount: (20_000_000n * YUAN).toString(),
    minRateBps: 300,
    maxRateBps: 700,
    maxTermDays: 730,
    ltvBps: 4500,
  });

  progress("patents: registration, verification, appraisal");
  let serial = 0;
  const patent = async (owner: Member, title: string, kindDigit = "1") => {
    serial += 1;
    const digits = `2019${kindDigit}${String(1_000_000 + serial * 7919).padStart(7, "0")}`;
    const number = `CN${digits}.${checkDigit(digits)}`;
    const kind = kindDigit === "1" ? "invention" : kindDigit === "2" ? "utility_model" : "design";
    const now = await head();
    const certificate = Buffer.from(`专利证书 Patent certificate\n${number}\n${title}\n`, "utf8");
    await as[owner].post("/patents", {
      number,
      title,
      kind,
      grantDate: iso(now - 3 * 365 * DAY),
      expiryDate: iso(now + (kind === "invention" ? 17 : 7) * 365 * DAY),
      certificate: {
        filename: `certificate-${number}.txt`,
        contentBase64: certificate.toString("base64"),
        contentType: "text/plain",
      },
    });
    return number;
  };
  const verify = async (number: string) =>
    as.ipoffice1.post(`/patents/${number}/verify`, { feePaidUntil: iso((await head()) + 5 * 365 * DAY) });
  const appraise = async (number: string, yuan: bigint) => {
    const report = `估值报告 Valuation report\n${number}\n¥${yuan}\n${createHash("sha256").update(number).digest("hex")}\n`;
    await as.appraiser1.post(`/patents/${number}/appraisals`, {
      value: (yuan * YUAN).toString(),
      validUntil: iso((await head()) + 2 * 365 * DAY), // valid through the demo year and the one after
      report: {
        filename: `valuation-${number}.txt`,
        contentBase64: Buffer.from(report).toString("base64"),
        contentType: "text/plain",
      },
    });
  };

  const A = [
    await patent("ent1", "一种基于深度学习的工业缺陷检测方法 Deep-learning defect detection"),
    await patent("ent1", "多传感器融合的机器人定位系统 Multi-sensor robot localisation"),
    await patent("ent1", "低功耗边缘计算芯片架构 Low-power edge AI chip"),
    await patent("ent1", "激光雷达点云压缩方法 LiDAR point-cloud compression"),
    await patent("ent1", "柔性电子皮肤传感器 Flexible e-skin sensor", "2"),
    await patent("ent1", "智能仓储调度算法 Smart warehouse scheduling"),
    await patent("ent1", "无人机集群通信协议 Drone swarm protocol"),
    await patent("ent1", "工业机器人外观设计 Industrial robot design", "3"),
    await patent("ent1", "语音识别降噪装置 Speech denoising device", "2"),
  ];
  const B = [
    await patent("ent2", "靶向抗肿瘤化合物及其制备方法 Targeted anti-tumour compound"),
    await patent("ent2", "mRNA 递送脂质纳米颗粒 mRNA lipid nanoparticle"),
    await patent("ent2", "快速核酸检测试剂盒 Rapid nucleic-acid test kit", "2"),
    await patent("ent2", "缓释注射剂配方 Sustained-release injection"),
    await patent("ent2", "单克隆抗体纯化工艺 Monoclonal antibody purification"),
    await patent("ent2", "医用导管结构 Medical catheter structure", "2"),
    await patent("ent2", "生物反应器控制系统 Bioreactor control system"),
    await patent("ent2", "药品包装外观设计 Drug packaging design", "3"),
  ];
  for (const number of [...A.slice(0, 7), ...B.slice(0, 8)]) await verify(number);
  await as.ipoffice1.post(`/patents/${A[8]}/reject`, {
    reason: "证书信息与登记簿不符 certificate does not match the register",
  });
  // A[7] waits for the IP office's verification; B[7] is verified but not yet appraised.
  const values: [string, bigint][] = [
    [A[0], 8_000_000n],
    [A[1], 4_000_000n],
    [A[2], 3_000_000n],
    [A[3], 5_000_000n],
    [A[4], 6_000_000n],
    [A[5], 2_000_000n],
    [A[6], 3_000_000n],
    [B[0], 10_000_000n],
    [B[1], 5_000_000n],
    [B[2], 2_000_000n],
    [B[3], 2_500_000n],
    [B[4], 7_000_000n],
    [B[5], 1_500_000n],
  ];
  for (const [number, yuan] of values) await appraise(number, yuan);
  await as.ipoffice1.post(`/patents/${B[6]}/revoke`, { reason: "专利权被宣告无效 the patent was invalidated" });

  const yuan = (amount: bigint) => (amount * YUAN).toString();
  const apply = async (
    who: Member,
    productId: string,
    patentIds: string[],
    amount: bigint,
    termDays: number,
    purpose: string,
  ) =>
    (await as[who].post<{ id: string }>("/loans", { productId, patentIds, amount: yuan(amount), termDays, purpose }))
      .id;
  const approve = (bank: Member, id: string, amount: bigint, rateBps: number, termDays: number) =>
    as[bank].post(`/loans/${id}/approve`, { amount: yuan(amount), rateBps, termDays });
  const pledge = (id: string) =>
    as.ipoffice1.post(`/loans/${id}/pledge`, {
      registrationNo: `Y${new Date(Date.now()).getFullYear()}${id.padStart(6, "0")}`,
    });
  const disburse = (bank: Member, id: string) =>
    as[bank].post(`/loans/${id}/disburse`, { reference: `放款凭证 DISB-${id}` });
  const repay = (bank: Member, id: string, amount: bigint | "payoff") =>
    as[bank].post(
      `/loans/${id}/repayments`,
      amount === "payoff"
        ? { payoff: true, reference: `还款 PAYOFF-${id}` }
        : { amount: yuan(amount), reference: `还款 REPAY-${id}` },
    );

  progress("a year of loans");
  const loans: Record<string, string> = {};
  const timeline: [number, string, () => Promise<unknown>][] = [
    [
      5,
      "L1 applied",
      async () =>
        (loans.L1 = await apply(
          "ent1",
          P1,
          [A[0], A[1]],
          6_000_000n,
          365,
          "新一代检测设备研发 R&D of the next inspection line",
        )),
    ],
    [8, "L1 approved", () => approve("bank1", loans.L1, 6_000_000n, 450, 365)],
    [12, "L1 pledged", () => pledge(loans.L1)],
    [15, "L1 disbursed", () => disburse("bank1", loans.L1)],
    [
      25,
      "L3 applied",
      async () =>
        (loans.L3 = await apply("ent1", P3, [A[2]], 1_200_000n, 90, "短期流动资金 short-term working capital")),
    ],
    [27, "L3 approved", () => approve("bank2", loans.L3, 1_200_000n, 600, 90)],
    [29, "L3 pledged", () => pledge(loans.L3)],
    [30, "L3 disbursed", () => disburse("bank2", loans.L3)],
    [
      40,
      "L2 applied",
      async () => (loans.L2 = await apply("ent2", P3, [B[0], B[1]], 6_000_000n, 730, "临床试验 clinical trials")),
    ],
    [45, "L2 approved", () => approve("bank2", loans.L2, 6_000_000n, 500, 730)],
    [48, "L2 pledged", () => pledge(loans.L2)],
    [50, "L2 disbursed", () => disburse("bank2", loans.L2)],
    [
      55,
      "L6 applied",
      async () => (loans.L6 = await apply("ent2", P2, [B[3]], 1_000_000n, 30, "原料采购 raw materials")),
    ],
    [57, "L6 approved", () => approve("bank1", loans.L6, 1_000_000n, 800, 30)],
    [58, "L6 pledged", () => pledge(loans.L6)],
    [60, "L6 disbursed", () => disburse("bank1", loans.L6)],
    [
      85,
      "L4 applied",
      async () => (loans.L4 = await apply("ent2", P2, [B[2]], 800_000n, 60, "产能扩张 capacity expansion")),
    ],
    [87, "L4 approved", () => approve("bank1", loans.L4, 800_000n, 700, 60)],
    [88, "L4 pledged", () => pledge(loans.L4)],
    [90, "L4 disbursed", () => disburse("bank1", loans.L4)],
    [100, "L1 repayment", () => repay("bank1", loans.L1, 1_000_000n)],
    [
      100,
      "L10 applied",
      async () => (loans.L10 = await apply("ent1", P2, [A[5]], 800_000n, 180, "市场推广 marketing")),
    ],
    [
      105,
      "L10 rejected",
      () => as.bank1.post(`/loans/${loans.L10}/reject`, { reason: "经营现金流不足 insufficient operating cash flow" }),
    ],
    [
      130,
      "L11 applied",
      async () => (loans.L11 = await apply("ent2", P2, [B[5]], 500_000n, 180, "设备更新 equipment")),
    ],
    [140, "L11 withdrawn", () => as.ent2.post(`/loans/${loans.L11}/withdraw`)],
    [140, "L2 repayment", () => repay("bank2", loans.L2, 500_000n)],
    [180, "L1 paid off", () => repay("bank1", loans.L1, "payoff")],
    [185, "L1 released", () => as.ipoffice1.post(`/loans/${loans.L1}/release`)],
    [185, "L6 defaulted", () => as.bank1.post(`/loans/${loans.L6}/default`)],
    [190, "L6 compensated", () => as.fund1.post(`/loans/${loans.L6}/compensate`)],
    [
      200,
      "L6 disposed",
      () =>
        as.bank1.post(`/loans/${loans.L6}/dispose`, {
          buyerOrgId: orgIds.ent1,
          recoveredAmount: yuan(600_000n),
          reference: "拍卖成交 AUCTION-L6",
        }),
    ],
    [
      200,
      "L5 applied",
      async () => (loans.L5 = await apply("ent1", P1, [A[3]], 2_000_000n, 180, "海外市场拓展 overseas expansion")),
    ],
    [205, "L5 approved", () => approve("bank1", loans.L5, 2_000_000n, 400, 180)],
    [208, "L5 pledged", () => pledge(loans.L5)],
    [210, "L5 disbursed", () => disburse("bank1", loans.L5)],
    [212, "L3 defaulted", () => as.bank2.post(`/loans/${loans.L3}/default`)],
    [215, "L3 compensated", () => as.fund1.post(`/loans/${loans.L3}/compensate`)],
    [
      230,
      "L3 disposed",
      () =>
        as.bank2.post(`/loans/${loans.L3}/dispose`, {
          buyerOrgId: orgIds.ent2,
          recoveredAmount: yuan(900_000n),
          reference: "协议转让 TRANSFER-L3",
        }),
    ],
    [230, "L2 repayment", () => repay("bank2", loans.L2, 500_000n)],
    [235, "L3 released", () => as.ipoffice1.post(`/loans/${loans.L3}/release`)],
    [250, "L4 defaulted", () => as.bank1.post(`/loans/${loans.L4}/default`)],
    [
      250,
      "L12 applied",
      async () => (loans.L12 = await apply("ent1", P1, [A[6]], 1_500_000n, 365, "产线升级 line upgrade")),
    ],
    [255, "L12 approved", () => approve("bank1", loans.L12, 1_500_000n, 500, 365)],
    [260, "L12 pledged", () => pledge(loans.L12)],
    [
      265,
      "L12 cancelled",
      () => as.bank1.post(`/loans/${loans.L12}/cancel`, { reason: "企业另行融资 the borrower financed elsewhere" }),
    ],
    [300, "L5 paid off", () => repay("bank1", loans.L5, "payoff")],
    [
      300,
      "collateral at risk",
      () => as.ipoffice1.post(`/patents/${B[1]}/legal-status`, { invalidationPending: true }),
    ],
    [320, "L2 repayment", () => repay("bank2", loans.L2, 500_000n)],
    [
      330,
      "L7 applied",
      async () => (loans.L7 = await apply("ent1", P3, [A[4]], 2_500_000n, 365, "量产准备 mass-production")),
    ],
    [335, "L7 approved", () => approve("bank2", loans.L7, 2_500_000n, 450, 365)],
    [340, "L7 pledged", () => pledge(loans.L7)],
    [
      345,
      "L8 applied",
      async () => (loans.L8 = await apply("ent2", P3, [B[4]], 3_000_000n, 540, "新药申报 drug filing")),
    ],
    [350, "L8 approved", () => approve("bank2", loans.L8, 3_000_000n, 400, 540)],
    [358, "L9 applied", async () => (loans.L9 = await apply("ent1", P1, [A[5]], 1_000_000n, 365, "人才引进 hiring"))],
  ];
  for (const [day, label, step] of timeline) {
    await at(day);
    await step();
    progress(`day ${day}: ${label}`);
  }
  // Catch up with the wall clock, so "now" on the chain is now.
  const behind = Math.floor(Date.now() / 1000) - (await head());
  if (behind > 0) await admin.post("/dev/advance-time", { seconds: behind });
}
