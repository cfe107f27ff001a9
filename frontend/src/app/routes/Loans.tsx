import { Button, Flex, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { paths } from "@/config/paths";
import { LoansTable } from "@/features/loans/components/LoansTable";
import { useSession } from "@/lib/session";

export function LoansRoute() {
  const { t } = useTranslation();
  const role = useSession()?.user.role;
  if (!role) return null;
  return (
    <Flex vertical gap="middle">
      <Flex justify="space-between" align="center" wrap gap="small">
        <Typography.Title level={3} style={{ margin: 0 }}>
          {role === "enterprise" ? t("nav.myLoans") : t("nav.loans")}
        </Typography.Title>
        {role === "enterprise" && (
          <Link to={paths.loanApply.href()}>
            <Button type="primary" data-testid="loan-apply">
              {t("apply.title")}
            </Button>
          </Link>
        )}
      </Flex>
      <LoansTable role={role} />
    </Flex>
  );
}
