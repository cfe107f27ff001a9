import { Typography } from "antd";

/** A transaction or document hash, shortened, with the whole value copyable. */
export function Hash({ value }: { value: string | null | undefined }) {
  if (!value) return <>—</>;
  const short = value.length > 18 ? `${value.slice(0, 10)}…${value.slice(-6)}` : value;
  return (
    <Typography.Text code copyable={{ text: value }} title={value}>
      {short}
    </Typography.Text>
  );
}
