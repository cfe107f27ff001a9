import { PatentQueue } from "@/features/patents/components/PatentQueue";

export function VerificationQueueRoute() {
  return <PatentQueue queue="verification" />;
}

export function AppraisalQueueRoute() {
  return <PatentQueue queue="appraisal" />;
}
