// `npm run docs:links`: every relative link and #heading in the repo's Markdown must resolve.
// `repository: false`: check files on disk only; no remote host is consulted.
import remarkValidateLinks from "remark-validate-links";

export default { plugins: [[remarkValidateLinks, { repository: false }]] };
