import packageJson from '../../package.json';

/** AnnoQA's version, written into every report and certificate so results can be reproduced. */
export const ANNOQA_VERSION: string = packageJson.version;
