// solidity-coverage: the measuring baseline under contracts/test is not part of the ledger.
module.exports = {
  skipFiles: ["test/"],
  istanbulReporter: ["html", "json-summary", "text"],
};
