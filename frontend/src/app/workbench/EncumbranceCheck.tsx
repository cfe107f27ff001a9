import { useMutation } from "@tanstack/react-query";
import { Alert, Card, Input, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { api, isApiError } from "@/lib/apiClient";
import { ledgerErrorMessage } from "@/lib/errorMessages";

/** GET /api/patents/:number/encumbrance (banks): the one bit every bank needs against 一权多押. */
export interface Encumbrance {
  number: string;
  pledged: boolean;
  inApplication: boolean;
}

/** What a bank reads of the answer: pledged, in an application, free, or not on the ledger. */
type Outcome = Encumbrance | { number: string; unknown: true };

async function checkEncumbrance(number: string): Promise<Outcome> {
  try {
    return await api.get<Encumbrance>(`/patents/${encodeURIComponent(number.trim())}/encumbrance`);
  } catch (error) {
    if (isApiError(error) && error.status === 404) return { number: number.trim(), unknown: true };
    throw error;
  }
}

function Verdict({ outcome }: { outcome: Outcome }) {
  const { t } = useTranslation();
  if ("unknown" in outcome) {
    return <Alert type="info" showIcon title={t("encumbrance.unknown", { number: outcome.number })} />;
  }
  if (outcome.pledged) {
    return <Alert type="error" showIcon title={t("encumbrance.pledged", { number: outcome.number })} />;
  }
  if (outcome.inApplication) {
    return <Alert type="warning" showIcon title={t("encumbrance.inApplication", { number: outcome.number })} />;
  }
  return <Alert type="success" showIcon title={t("encumbrance.free", { number: outcome.number })} />;
}

/**
 * The bank's search box: is this patent already pledged or in an application, at any bank? The
 * answer never says at which bank, for which loan or for how much.
 */
export function EncumbranceCheck() {
  const { t } = useTranslation();
  const check = useMutation({ mutationFn: checkEncumbrance });
  return (
    <Card data-testid="encumbrance-check" title={t("encumbrance.title")} style={{ height: "100%" }}>
      <Typography.Paragraph type="secondary">{t("encumbrance.intro")}</Typography.Paragraph>
      <Input.Search
        aria-label={t("encumbrance.label")}
        placeholder="CN202110123456.7"
        enterButton={t("encumbrance.search")}
        loading={check.isPending}
        onSearch={(value) => value.trim() && check.mutate(value)}
        data-testid="encumbrance-input"
      />
      <div style={{ marginTop: 12 }} data-testid="encumbrance-result" role="status">
        {check.data ? <Verdict outcome={check.data} /> : null}
        {check.isError ? <Alert type="error" showIcon title={ledgerErrorMessage(check.error, t)} /> : null}
      </div>
    </Card>
  );
}
