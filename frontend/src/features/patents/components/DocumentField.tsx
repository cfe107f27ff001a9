import { UploadOutlined } from "@ant-design/icons";
import { Button, Form, Upload, type UploadFile } from "antd";
import { useTranslation } from "react-i18next";
import { MAX_UPLOAD_BYTES, toUpload, type Upload as UploadBody } from "@/lib/files";
import { FileHash } from "./FileHash";

/** One document for a form: kept in the form (not sent) until the form is submitted; its hash shown meanwhile. */
export function DocumentField({ name, label, testId }: { name: string; label: string; testId: string }) {
  const { t } = useTranslation();
  const files = Form.useWatch<UploadFile[] | undefined>(name);
  return (
    <Form.Item
      name={name}
      label={label}
      extra={<FileHash files={files} testId={testId} />}
      valuePropName="fileList"
      getValueFromEvent={(event: { fileList: UploadFile[] }) => event.fileList.slice(-1)}
      rules={[
        { required: true, message: t("patentActions.fileRequired") },
        {
          validator: async (_, files: UploadFile[] | undefined) => {
            if ((files?.[0]?.size ?? 0) > MAX_UPLOAD_BYTES) throw new Error(t("patentActions.fileTooLarge"));
          },
        },
      ]}
    >
      <Upload beforeUpload={() => false} maxCount={1} data-testid={testId}>
        <Button icon={<UploadOutlined />}>{t("patentActions.chooseFile")}</Button>
      </Upload>
    </Form.Item>
  );
}

/** The chosen file as the API takes it. */
export async function documentOf(files: UploadFile[]): Promise<UploadBody> {
  const file = files[0]?.originFileObj;
  if (!file) throw new Error("no file chosen");
  return toUpload(file);
}
