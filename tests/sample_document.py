from nbreport.schema import *
from nbreport.compose import compose
def P(t, lead=None):
    d={'kind':'paragraph','runs':([{'text':lead,'strong':True}] if lead else [])+[{'text':t}]}
    return d
r = Report.model_validate({'meta':{'year':2023,'region':'宁波市','title':'宁波市科技进步报告','editor':'宁波市科学技术局','title_en':'REPORT'},
 'overview':{'intro':[P('综述')],'sections':[{'title':'A B','blocks':[P('正文','lead。')]}]},
 'chapters':[{'kind':'chapter','title':'第一章标题','sections':[{'title':'节','blocks':[{'kind':'case','title':'案例','blocks':[P('x'),{'kind':'figure','caption':'图'}]},
   {'kind':'table','caption':'表','table_kind':'award','columns':[{'name':'奖励类别','merge':True},{'name':'项目名称'}],'rows':[['一等奖','a'],['一等奖','b'],['二等奖','c']]}]}]},
   {'kind':'districts','districts':[{'name':'海曙区','intro':[P('i')],'items':[P('t','L。')]}]}],
 'chronology':{'events':[{'date':'5月22—24日','text':'e1'},{'date':'4月1日','text':'e0'}]},
 'appendices':[{'title':'附录表','table':{'columns':[{'name':'姓名'},{'name':'工作单位'}],'rows':[['a','b']]}}]})
d = compose(r)
if __name__ == '__main__':
    for n in d.nodes: print(type(n).__name__, str(n)[:200])
