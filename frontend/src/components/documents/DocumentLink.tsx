import { FileSearchOutlined } from "@ant-design/icons";
import { Button, Space } from "antd";
import { lazy, Suspense, useState } from "react";
import { useTranslation } from "react-i18next";
import { Hash } from "@/components/Hash";

const DocumentViewer = lazy(() => import("./DocumentViewer").then((module) => ({ default: module.DocumentViewer })));

/** A document named by its SHA-256: the hash, and a button that opens the document with its ledger check. */
export function DocumentLink({ sha256, testId }: { sha256: string | null | undefined; testId: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  if (!sha256) return <>—</>;
  return (
    <Space size={4} wrap>
      <Hash value={sha256} />
      <Button size="small" icon={<FileSearchOutlined />} onClick={() => setOpen(true)} data-testid={testId}>
        {t("documents.open")}
      </Button>
      {open && (
        <Suspense fallback={null}>
          <DocumentViewer sha256={sha256} onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </Space>
  );
}
