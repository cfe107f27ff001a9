import { useTranslation } from "react-i18next";
import { TableSearch } from "@/components/TableSearch";

/** The loans list's search (the API's `q`): a loan id, a registration number or a borrower's name. */
export function LoanSearch({ q, onSearch }: { q: string | undefined; onSearch: (text: string | undefined) => void }) {
  const { t } = useTranslation();
  return (
    <div style={{ marginBottom: 16 }}>
      <TableSearch value={q} placeholder={t("search.loans")} onSearch={onSearch} testId="loans-search" />
    </div>
  );
}
