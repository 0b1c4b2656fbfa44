/**
 * AWS product code (lineItem/ProductCode, product/servicecode) → FOCUS ServiceCategory.
 * From finopsfoundation/focus_converters (MIT), conversion_configs/aws/mapping_files/aws_category_mapping.csv,
 * via ../shared/data/reference/focusconv_aws_category_mapping.csv; the file's rows named by a service
 * name with a trailing "*" (no product code) are left out.
 */
const CATEGORY_CODES: Record<string, readonly string[]> = {
  'AI and Machine Learning': [
    'AWSDeepRacer', 'AmazonA2I', 'AmazonBedrock', 'AmazonCodeWhisperer', 'AmazonDevOpsGuru', 'AmazonEI',
    'AmazonForecast', 'AmazonFraudDetector', 'AmazonHealthLake', 'AmazonKendra', 'AmazonLex',
    'AmazonLookoutEquipment', 'AmazonLookoutMetrics', 'AmazonLookoutVision', 'AmazonMonitron', 'AmazonOmics',
    'AmazonPersonalize', 'AmazonPolly', 'AmazonRekognition', 'AmazonSageMaker', 'AmazonTextract',
    'comprehend', 'transcribe', 'translate'
  ],
  'Analytics': [
    'AWSCleanRooms', 'AWSDataExchange', 'AWSGlue', 'AWSGlueElasticViews', 'AWSLakeFormation', 'AmazonAthena',
    'AmazonCloudSearch', 'AmazonES', 'AmazonFinSpace', 'AmazonKinesis', 'AmazonKinesisAnalytics',
    'AmazonKinesisFirehose', 'AmazonMSK', 'AmazonQuickSight', 'ElasticMapReduce', 'datapipeline'
  ],
  'Business Applications': [
    'A4B', 'AWSSupplyChain', 'AWSWickr', 'AWSWisdom', 'AmazonChime', 'AmazonChimeBusinessCalling',
    'AmazonChimeCallMe', 'AmazonChimeCallMeAMCS', 'AmazonChimeDialInAMCS', 'AmazonChimeDialin',
    'AmazonChimeFeatures', 'AmazonChimeServices', 'AmazonChimeVoiceConnector', 'AmazonHoneycode',
    'AmazonPinpoint', 'AmazonSES', 'AmazonSWF', 'AmazonWAM', 'AmazonWorkDocs', 'AmazonWorkLink',
    'AmazonWorkMail', 'AmazonWorkSpacesWeb', 'Compute', 'ContactLensAmazonConnect', 'CustomerProfiles'
  ],
  'Compute': [
    'AWSAppRunner', 'AWSLambda', 'AWSOutposts', 'AmazonAppStream', 'AmazonEC2', 'AmazonECR',
    'AmazonECRPublic', 'AmazonECS', 'AmazonEKS', 'AmazonLightsail', 'ComputeSavingsPlans', 'SimSpaceWeaver',
    'VMwareCloudOnAWS'
  ],
  'Databases': [
    'AmazonDocDB', 'AmazonDynamoDB', 'AmazonElastiCache', 'AmazonMCS', 'AmazonMemoryDB', 'AmazonNeptune',
    'AmazonRDS', 'AmazonRedshift', 'AmazonTimestream'
  ],
  'Developer Tools': [
    'AWSAmplify', 'AWSAppSync', 'AWSCodeArtifact', 'AWSCodeCommit', 'AWSCodeDeploy', 'AWSCodePipeline',
    'AWSDeviceFarm', 'CodeBuild', 'CodeCatalyst', 'CodeGuru'
  ],
  'Integration': [
    'AWSAppFabric', 'AWSQueueService', 'Amazon EventBridge', 'AmazonMQ', 'AmazonMWAA', 'AmazonSNS',
    'AmazonStates', 'AppFlow'
  ],
  'Internet of Things': [
    'AWSGreengrass', 'AWSIoT', 'AWSIoT1Click', 'AWSIoTAnalytics', 'AWSIoTEvents', 'AWSIoTFleetWise',
    'AWSIoTSiteWise', 'AWSIoTThingsGraph', 'IoTDeviceDefender', 'IoTDeviceManagement', 'IoTTwinMaker'
  ],
  'Management and Governance': [
    'AWSBillingConductor', 'AWSBudgets', 'AWSCloudFormation', 'AWSCloudTrail', 'AWSConfig',
    'AWSCostExplorer', 'AWSResilienceHub', 'AWSServiceCatalog', 'AWSSystemsManager', 'AmazonCloudWatch',
    'AmazonGrafana', 'AmazonPrometheus', 'OpsWorks'
  ],
  'Media': [
    'AWSElementalMediaConvert', 'AWSElementalMediaLive', 'AWSElementalMediaPackage',
    'AWSElementalMediaStore', 'AWSElementalMediaTailor', 'AWSMediaConnect', 'AmazonETS', 'AmazonIVS',
    'AmazonKinesisVideo', 'nimble'
  ],
  'Migration': [
    'AWSApplicationMigrationSvc', 'AWSDataSync', 'AWSDatabaseMigrationSvc', 'AWSM2', 'AWSTransfer'
  ],
  'Networking': [
    'AWSCloudMap', 'AWSCloudWAN', 'AWSDataTransfer', 'AWSDirectConnect', 'AWSELB', 'AWSGlobalAccelerator',
    'AWSNetworkFirewall', 'AWSPrivate5G', 'AmazonApiGateway', 'AmazonCloudFront', 'AmazonRoute53',
    'AmazonVPC'
  ],
  'Other': [
    'AWSGroundStation', 'AWSRoboMaker', 'AmazonBraket', 'AmazonManagedBlockchain', 'AmazonQLDB'
  ],
  'Security': [
    'AWSCertificateManager', 'AWSDirectoryService', 'AWSFMS', 'AWSSecretsManager', 'AWSSecurityHub',
    'AWSShield', 'AmazonCognito', 'AmazonCognitoSync', 'AmazonDetective', 'AmazonGuardDuty',
    'AmazonInspector', 'AmazonInspectorV2', 'AmazonMacie', 'AmazonSecurityLake', 'AmazonVerifiedPermissions',
    'CloudHSM', 'auditmanager', 'awskms', 'awswaf'
  ],
  'Storage': [
    'AWSBackup', 'AWSElasticDisasterRecovery', 'AWSStorageGateway', 'AWSStorageGatewayDeepArchive',
    'AmazonEBS', 'AmazonEFS', 'AmazonFSx', 'AmazonGlacier', 'AmazonS3', 'AmazonS3GlacierDeepArchive',
    'IngestionServiceSnowball', 'SnowballExtraDays'
  ],
};

const BY_CODE = new Map<string, string>(Object.entries(CATEGORY_CODES).flatMap(([category, codes]) => codes.map((code) => [code.toLowerCase(), category] as const)));

/** The FOCUS ServiceCategory of the first code that is known, or 'Other'. */
export function awsServiceCategory(...codes: Array<string | null>): string {
  for (const code of codes) {
    const category = code ? BY_CODE.get(code.trim().toLowerCase()) : undefined;
    if (category) return category;
  }
  return 'Other';
}
