import { GlobalOutlined } from "@ant-design/icons";
import { Button, Dropdown } from "antd";
import { useTranslation } from "react-i18next";
import { changeLanguage, currentLanguage, LANGUAGES, type Language } from "@/i18n";

const LABELS: Record<Language, string> = { "zh-CN": "简体中文", en: "English" };

export function LanguageSwitcher({ compact = false }: { compact?: boolean }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  return (
    <Dropdown
      trigger={["click"]}
      menu={{
        selectable: true,
        selectedKeys: [language],
        // each language's name in itself, marked as such for a screen reader
        items: LANGUAGES.map((key) => ({ key, label: <span lang={key}>{LABELS[key]}</span> })),
        onClick: ({ key }) => void changeLanguage(key as Language),
      }}
    >
      <Button
        type="text"
        icon={<GlobalOutlined />}
        aria-label={compact ? t("app.language") : `${t("app.language")}: ${LABELS[language]}`}
      >
        {compact ? null : <span lang={language}>{LABELS[language]}</span>}
      </Button>
    </Dropdown>
  );
}
