import { Input } from "antd";

/**
 * A table's search box: the text applies on Enter or the button, and clearing it shows everything
 * again. The value lives in the caller's URL state, so a search can be bookmarked and shared.
 */
export function TableSearch({
  value,
  placeholder,
  onSearch,
  testId,
}: {
  value: string | undefined;
  placeholder: string;
  onSearch: (text: string | undefined) => void;
  testId: string;
}) {
  return (
    <Input.Search
      allowClear
      enterButton
      key={value ?? ""}
      defaultValue={value}
      placeholder={placeholder}
      aria-label={placeholder}
      maxLength={100}
      onSearch={(text) => onSearch(text.trim() || undefined)}
      style={{ maxWidth: 360 }}
      data-testid={testId}
    />
  );
}
