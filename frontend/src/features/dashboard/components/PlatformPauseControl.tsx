import { Button, Card, Flex, Popconfirm, Skeleton, Tag, type ButtonProps } from "antd";
import { useTranslation } from "react-i18next";
import { LedgerWriteStatus } from "@/components/LedgerWriteStatus";
import { usePlatformParams, useSetPlatformPaused } from "../api/platform";

/** Whether the platform runs, and the regulator's pause/resume behind a confirmation. */
export function PlatformPauseControl() {
  const { t } = useTranslation();
  const params = usePlatformParams();
  const setPaused = useSetPlatformPaused();
  const paused = params.data?.paused;

  return (
    <Card title={t("dashboard.platform")}>
      {params.isPending ? (
        <Skeleton active paragraph={false} />
      ) : (
        <Flex vertical gap="middle">
          <Flex gap="middle" align="center" wrap>
            <Tag color={paused ? "error" : "success"} data-testid="platform-state">
              {paused ? t("dashboard.paused") : t("dashboard.running")}
            </Tag>
            <Popconfirm
              title={paused ? t("dashboard.unpause") : t("dashboard.pause")}
              description={paused ? t("dashboard.unpauseConfirm") : t("dashboard.pauseConfirm")}
              onConfirm={() => setPaused.mutate(!paused)}
              okButtonProps={{ danger: !paused, "data-testid": "pause-confirm" } as ButtonProps}
            >
              <Button
                danger={!paused}
                loading={setPaused.isPending}
                disabled={params.isError}
                data-testid={paused ? "unpause-button" : "pause-button"}
              >
                {paused ? t("dashboard.unpause") : t("dashboard.pause")}
              </Button>
            </Popconfirm>
          </Flex>
          <LedgerWriteStatus write={setPaused} testId="pause-status" />
        </Flex>
      )}
    </Card>
  );
}
