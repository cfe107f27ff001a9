import { Descriptions, Typography } from "antd";

const text = (value: unknown) => (typeof value === "string" ? value : JSON.stringify(value));

/** A decoded event's arguments, one per line, each value copyable (addresses and hashes are long). */
export function EventData({ data }: { data: Record<string, unknown> }) {
  const entries = Object.entries(data);
  if (entries.length === 0) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Descriptions size="small" column={1} bordered>
      {entries.map(([key, value]) => (
        <Descriptions.Item key={key} label={key}>
          <Typography.Text copyable={{ text: text(value) }} style={{ wordBreak: "break-all", fontFamily: "monospace" }}>
            {text(value)}
          </Typography.Text>
        </Descriptions.Item>
      ))}
    </Descriptions>
  );
}
