/**
 * The web app's antd theme. Beyond the brand colour, it lifts antd's defaults to WCAG 2 AA contrast
 * (4.5:1 for text), which the browser tests check with axe-core on every page:
 * - secondary text (descriptions' labels, statistics' titles, hints, steps still to come, the
 *   breadcrumb) is 60% black instead of 45% (5.7:1 on white instead of 3.4:1);
 * - links and "info" are the brand blue (6.1:1) instead of antd's #1677ff (4.1:1), errors a
 *   darker red (5.6:1);
 * - status tags and coloured text write green and orange in darker shades than antd's icon
 *   colours (#52c41a and #faad14 are 2.3:1 and 1.9:1), on the same light backgrounds.
 */
import type { ThemeConfig } from "antd";

const BRAND_BLUE = "#1f5fbf";
const SECONDARY_TEXT = "rgba(0, 0, 0, 0.6)";
const TEXT_ON_TINT = { colorSuccess: "#237804", colorWarning: "#ad4e00" };

export const theme: ThemeConfig = {
  token: {
    colorPrimary: BRAND_BLUE,
    colorInfo: BRAND_BLUE,
    colorLink: BRAND_BLUE,
    colorError: "#cf1322",
    colorTextTertiary: SECONDARY_TEXT,
    colorTextDescription: SECONDARY_TEXT,
    borderRadius: 6,
  },
  components: {
    Tag: TEXT_ON_TINT,
    Typography: TEXT_ON_TINT,
  },
};
