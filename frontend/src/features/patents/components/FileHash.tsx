import { Typography, type UploadFile } from "antd";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { sha256Of } from "@/lib/sha256";

/**
 * The chosen file's SHA-256, computed in the browser before anything is sent: the name the ledger
 * will record for it, which the person can compare with their own copy.
 */
export function FileHash({ files, testId }: { files: UploadFile[] | undefined; testId: string }) {
  const { t } = useTranslation();
  const file = files?.[0]?.originFileObj;
  const [hash, setHash] = useState<{ of: Blob; value: string }>();
  useEffect(() => {
    if (!file) return;
    let current = true;
    void sha256Of(file).then((value) => {
      if (current) setHash({ of: file, value });
    });
    return () => {
      current = false;
    };
  }, [file]);
  if (!file) return null;
  const value = hash?.of === file ? hash.value : undefined;
  return (
    <Typography.Text type="secondary" data-testid={`${testId}-sha256`} data-sha256={value ?? ""}>
      {t("documents.hashBeforeUpload")}{" "}
      {value ? (
        <Typography.Text code copyable style={{ wordBreak: "break-all" }}>
          {value}
        </Typography.Text>
      ) : (
        t("documents.hashing")
      )}
    </Typography.Text>
  );
}
