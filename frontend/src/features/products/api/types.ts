/** A bank's IP-loan product (GET /api/products). Money is fen as a decimal string, rates basis points. */
export interface Product {
  id: string;
  bankOrgId: string | null;
  bankName: string | null;
  name: string | null;
  description: string | null;
  maxAmount: string;
  minRateBps: number;
  maxRateBps: number;
  maxTermDays: number;
  ltvBps: number;
  active: boolean;
  detailsHash: string;
  createdAt: string;
  txHash: string;
  blockNumber: number;
}

export interface NewProduct {
  name: string;
  description?: string;
  maxAmount: string;
  minRateBps: number;
  maxRateBps: number;
  maxTermDays: number;
  ltvBps: number;
}
