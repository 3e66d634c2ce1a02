import { AppError } from '../../../core/errors';
import { MemberErrorCode } from '../../../core/contracts/member';

export const memberErrors = {
  notAMember: () => new AppError(MemberErrorCode.NotAMember, '请先开通会员卡'),
  memberNotFound: () => new AppError(MemberErrorCode.MemberNotFound, '会员不存在'),
  codeInvalid: () => new AppError(MemberErrorCode.MemberCodeInvalid, '会员码无效或已过期，请让顾客刷新后重试'),
  birthdayInvalid: (reason: string) => new AppError(MemberErrorCode.BirthdayInvalid, reason),
  birthdayMissing: () => new AppError(MemberErrorCode.BirthdayMissing, '开卡时未填写生日，无法领取生日礼'),
  notBirthMonth: (month: number) => new AppError(MemberErrorCode.NotBirthMonth, `生日礼仅可在生日当月（${month} 月）领取`, { month }),
};
