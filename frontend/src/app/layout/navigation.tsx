/**
 * The side menu: one entry per page, shown to the roles `paths` lets open it. A role's new page is
 * one line here and one route in app/router.tsx.
 */
import {
  AccountBookOutlined,
  AppstoreOutlined,
  AuditOutlined,
  BankOutlined,
  BellOutlined,
  DashboardOutlined,
  FileAddOutlined,
  FileProtectOutlined,
  FileSearchOutlined,
  HomeOutlined,
  SafetyCertificateOutlined,
  ShopOutlined,
  TeamOutlined,
} from "@ant-design/icons";
import type { ReactNode } from "react";
import { mayOpen, paths, type PathKey } from "@/config/paths";
import type { Role } from "@/config/roles";
import type { Messages } from "@/i18n/locales/zh-CN";

type NavLabel = `nav.${keyof Messages["nav"]}`;

interface NavEntry {
  page: PathKey;
  icon: ReactNode;
  label: NavLabel | ((role: Role) => NavLabel);
}

const NAVIGATION: readonly NavEntry[] = [
  { page: "home", icon: <HomeOutlined />, label: "nav.home" },
  { page: "dashboard", icon: <DashboardOutlined />, label: "nav.dashboard" },
  { page: "audit", icon: <AuditOutlined />, label: "nav.audit" },
  { page: "integrity", icon: <SafetyCertificateOutlined />, label: "nav.integrity" },
  { page: "patentRegister", icon: <FileAddOutlined />, label: "nav.registerPatent" },
  { page: "verificationQueue", icon: <FileSearchOutlined />, label: "nav.verificationQueue" },
  { page: "appraisalQueue", icon: <AccountBookOutlined />, label: "nav.appraisalQueue" },
  { page: "adminOrgs", icon: <BankOutlined />, label: "nav.adminOrgs" },
  { page: "adminUsers", icon: <TeamOutlined />, label: "nav.adminUsers" },
  {
    page: "patents",
    icon: <FileProtectOutlined />,
    label: (role) => (role === "enterprise" ? "nav.myPatents" : "nav.patents"),
  },
  { page: "notifications", icon: <BellOutlined />, label: "nav.notifications" },
  // products and loans
  { page: "products", icon: <ShopOutlined />, label: "nav.products" },
  { page: "myProducts", icon: <AppstoreOutlined />, label: "nav.myProducts" },
  {
    page: "loans",
    icon: <AccountBookOutlined />,
    label: (role) => (role === "enterprise" ? "nav.myLoans" : "nav.loans"),
  },
];

export interface NavItem {
  key: string;
  href: string;
  icon: ReactNode;
  label: NavLabel;
}

export function navigationFor(role: Role): NavItem[] {
  return NAVIGATION.filter((entry) => mayOpen(role, entry.page)).map((entry) => ({
    key: entry.page,
    href: paths[entry.page].path,
    icon: entry.icon,
    label: typeof entry.label === "function" ? entry.label(role) : entry.label,
  }));
}

/** The menu entry a URL belongs to: the longest matching prefix, "/" only by itself. */
export function selectedNavKey(items: readonly NavItem[], pathname: string): string | undefined {
  let best: NavItem | undefined;
  for (const item of items) {
    const matches =
      item.href === "/" ? pathname === "/" : pathname === item.href || pathname.startsWith(`${item.href}/`);
    if (matches && (!best || item.href.length > best.href.length)) best = item;
  }
  return best?.key;
}
