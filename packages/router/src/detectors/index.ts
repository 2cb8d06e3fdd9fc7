// Importing this module registers every detector, in the order their findings are reported.
// A new detector is one file here that calls registerDetector, plus one import line below.
import './email';
import './phone';
import './national-id';
import './national-numbers';
import './payment-card';
import './iban';
import './bank-account';
import './identity-document';
import './personal-details';
import './secrets';
import './password';
import './records';
import './mnpi';
import './markings';

export { allPatterns, detectors, type Detector, type Finding } from './registry';
export { TextView } from './text-view';
