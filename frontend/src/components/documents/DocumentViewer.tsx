import { DownloadOutlined, ExportOutlined } from "@ant-design/icons";
import { Alert, Button, Modal, Space, Spin, Typography } from "antd";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { fetchDocument, objectUrlOf, verifyDocument, type FetchedDocument } from "@/lib/documents";
import { errorMessage } from "@/lib/errorMessages";
import { LedgerCheck } from "./LedgerCheck";

/**
 * The document in a dialog: a PDF in a frame, an image as an image, any other type to save; above
 * it, whether its bytes still match the hash the ledger keeps. The bytes come with the session's
 * token, as a blob whose type the server vouched for (lib/documents.ts).
 */
export function DocumentViewer({ sha256, onClose }: { sha256: string; onClose: () => void }) {
  const { t } = useTranslation();
  const file = useQuery({
    queryKey: ["documents", sha256, "file"],
    queryFn: ({ signal }) => fetchDocument(sha256, signal),
    retry: false,
  });
  const check = useQuery({
    queryKey: ["documents", sha256, "verify"],
    queryFn: ({ signal }) => verifyDocument(sha256, signal),
    retry: false,
  });
  const url = file.data ? objectUrlOf(sha256, file.data.blob) : undefined;
  const name = file.data?.filename ?? check.data?.filename ?? sha256;

  return (
    <Modal
      open
      onCancel={onClose}
      title={name}
      width={960}
      footer={
        url && file.data ? (
          <Space wrap>
            {file.data.view !== "file" && (
              <Button href={url} target="_blank" rel="noopener" icon={<ExportOutlined />}>
                {t("documents.newTab")}
              </Button>
            )}
            <Button
              type="primary"
              href={url}
              download={name}
              icon={<DownloadOutlined />}
              data-testid="document-download"
            >
              {t("documents.download")}
            </Button>
          </Space>
        ) : null
      }
    >
      <Space orientation="vertical" size="middle" style={{ width: "100%" }} data-testid="document-viewer">
        <LedgerCheck query={check} />
        {file.isPending && <Spin />}
        {file.isError && <Alert type="error" showIcon title={errorMessage(file.error, t)} />}
        {url && file.data && <Shown document={file.data} url={url} name={name} />}
      </Space>
    </Modal>
  );
}

function Shown({ document, url, name }: { document: FetchedDocument; url: string; name: string }) {
  const { t } = useTranslation();
  if (document.view === "pdf") {
    return (
      <iframe
        src={url}
        title={name}
        data-testid="document-pdf"
        style={{ width: "100%", height: "70vh", border: "1px solid #d9d9d9" }}
      />
    );
  }
  if (document.view === "image") {
    return <img src={url} alt={name} data-testid="document-image" style={{ maxWidth: "100%", height: "auto" }} />;
  }
  return (
    <Typography.Paragraph type="secondary" data-testid="document-file">
      {t("documents.notShown")}
    </Typography.Paragraph>
  );
}
